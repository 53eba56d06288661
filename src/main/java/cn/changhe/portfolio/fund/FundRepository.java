package cn.changhe.portfolio.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.graphql.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FundRepository implements NodeLookup {

	private static final String COLUMNS = """
			SELECT f.id, f.name, f.name_en, f.size, f.currency, f.vintage_year, f.manager_id,
			       f.provenance, f.source, f.created_at, f.updated_at, f.version
			FROM fund f""";

	private final JdbcClient jdbc;

	FundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page in id order, with one row more than the page to tell whether another follows. */
	List<Fund> page(Page page) {
		return this.jdbc.sql(COLUMNS + " WHERE f.deleted_at IS NULL AND f.id > ? ORDER BY f.id LIMIT ?")
			.param((page.afterId() != null) ? page.afterId() : 0L)
			.param(page.size() + 1)
			.query(FundRepository::fund)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM fund WHERE deleted_at IS NULL").query(Long.class).single();
	}

	@Override
	public String type() {
		return "Fund";
	}

	@Override
	public List<Fund> findAllById(Collection<Long> ids) {
		return this.jdbc.sql(COLUMNS + " WHERE f.deleted_at IS NULL AND f.id IN (:ids)")
			.param("ids", ids)
			.query(FundRepository::fund)
			.list();
	}

	/** The sectors the funds focus on, as (fund, sector) pairs. */
	List<FocusSector> focusSectorsOf(Collection<Long> fundIds) {
		return this.jdbc.sql("SELECT fund_id, sector_id FROM fund_sector WHERE fund_id IN (:ids) ORDER BY sector_id")
			.param("ids", fundIds)
			.query((rs, row) -> new FocusSector(rs.getLong("fund_id"), rs.getLong("sector_id")))
			.list();
	}

	record FocusSector(long fundId, long sectorId) {
	}

	private static Fund fund(ResultSet rs, int row) throws SQLException {
		return new Fund(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
				Money.of(rs.getBigDecimal("size"), rs.getString("currency")), rs.getInt("vintage_year"),
				Columns.nullableLong(rs, "manager_id"), Columns.provenance(rs), Columns.utc(rs, "created_at"),
				Columns.utc(rs, "updated_at"), rs.getLong("version"));
	}

}
