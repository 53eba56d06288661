package cn.changhe.portfolio.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.graphql.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvestorRepository implements NodeLookup {

	private static final String COLUMNS = """
			SELECT v.id, v.name, v.name_en, v.investor_type, v.provenance, v.source, v.created_at, v.updated_at,
			       v.version
			FROM investor v""";

	private final JdbcClient jdbc;

	InvestorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page in id order, with one row more than the page to tell whether another follows. */
	List<Investor> page(Page page) {
		return this.jdbc.sql(COLUMNS + " WHERE v.deleted_at IS NULL AND v.id > ? ORDER BY v.id LIMIT ?")
			.param((page.afterId() != null) ? page.afterId() : 0L)
			.param(page.size() + 1)
			.query(InvestorRepository::investor)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM investor WHERE deleted_at IS NULL").query(Long.class).single();
	}

	@Override
	public String type() {
		return "Investor";
	}

	@Override
	public List<Investor> findAllById(Collection<Long> ids) {
		return this.jdbc.sql(COLUMNS + " WHERE v.deleted_at IS NULL AND v.id IN (:ids)")
			.param("ids", ids)
			.query(InvestorRepository::investor)
			.list();
	}

	private static Investor investor(ResultSet rs, int row) throws SQLException {
		return new Investor(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
				Investor.Type.valueOf(rs.getString("investor_type")), Columns.provenance(rs),
				Columns.utc(rs, "created_at"), Columns.utc(rs, "updated_at"), rs.getLong("version"));
	}

}
