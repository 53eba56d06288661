package cn.changhe.portfolio.investment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.graphql.Page;
import cn.changhe.portfolio.graphql.Years;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvestmentRepository implements NodeLookup {

	private static final String COLUMNS = """
			SELECT i.id, i.kind, i.amount, i.currency, i.year, i.invested_on, i.project_id, i.enterprise_id,
			       i.fund_id, i.sector_id, i.note, i.provenance, i.source, i.created_at, i.updated_at, i.version
			FROM investment i""";

	private final JdbcClient jdbc;

	InvestmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page in id order, with one row more than the page to tell whether another follows. */
	List<Investment> page(InvestmentFilter filter, Page page) {
		Conditions where = conditions(filter);
		if (page.afterId() != null) {
			where.and("i.id > ?", page.afterId());
		}
		return this.jdbc.sql(COLUMNS + where.where() + " ORDER BY i.id LIMIT ?")
			.params(where.parameters())
			.param(page.size() + 1)
			.query(InvestmentRepository::investment)
			.list();
	}

	long count(InvestmentFilter filter) {
		Conditions where = conditions(filter);
		return this.jdbc.sql("SELECT COUNT(*) FROM investment i" + where.where())
			.params(where.parameters())
			.query(Long.class)
			.single();
	}

	private static Conditions conditions(InvestmentFilter filter) {
		Conditions where = new Conditions().and("i.deleted_at IS NULL");
		if (filter.kind() != null) {
			where.andIn("i.kind", filter.kind().stream().map(InvestmentKind::name).toList());
		}
		where.andIf(Years.check(filter.yearFrom(), "filter.yearFrom"), "i.year >= ?");
		where.andIf(Years.check(filter.yearTo(), "filter.yearTo"), "i.year <= ?");
		where.andIf(filter.currency(), "i.currency = ?");
		if (filter.sectorIds() != null) {
			where.andIn("i.sector_id", GlobalId.keysOf(filter.sectorIds(), "Sector", "filter.sectorIds"));
		}
		if (filter.fundIds() != null) {
			where.andIn("i.fund_id", GlobalId.keysOf(filter.fundIds(), "Fund", "filter.fundIds"));
		}
		if (filter.enterpriseIds() != null) {
			where.andIn("i.enterprise_id", GlobalId.keysOf(filter.enterpriseIds(), "Enterprise", "filter.enterpriseIds"));
		}
		if (filter.projectIds() != null) {
			where.andIn("i.project_id", GlobalId.keysOf(filter.projectIds(), "Project", "filter.projectIds"));
		}
		return where;
	}

	@Override
	public String type() {
		return "Investment";
	}

	@Override
	public List<Investment> findAllById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(COLUMNS + " WHERE i.deleted_at IS NULL AND i.id IN (:ids)")
			.param("ids", ids)
			.query(InvestmentRepository::investment)
			.list();
	}

	private static Investment investment(ResultSet rs, int row) throws SQLException {
		return new Investment(rs.getLong("id"), InvestmentKind.valueOf(rs.getString("kind")),
				Money.of(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getInt("year"),
				Columns.date(rs, "invested_on"), Columns.nullableLong(rs, "project_id"),
				Columns.nullableLong(rs, "enterprise_id"), Columns.nullableLong(rs, "fund_id"),
				Columns.nullableLong(rs, "sector_id"), rs.getString("note"), Columns.provenance(rs),
				Columns.utc(rs, "created_at"), Columns.utc(rs, "updated_at"), rs.getLong("version"));
	}

}
