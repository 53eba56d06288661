package cn.changhe.portfolio.investment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Row;
import cn.changhe.portfolio.graphql.Years;

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvestmentRepository implements NodeLookup {

	static final Listing<Investment> LISTING = new Listing<>("""
			i.id, i.kind, i.amount, i.currency, i.year, i.invested_on, i.project_id, i.enterprise_id, i.fund_id,
			i.sector_id, i.note, i.provenance, i.source, i.created_at, i.updated_at, i.version, i.deleted_at""",
			"investment i", "i.id", InvestmentRepository::investment)
		.reads("id")
		.reads("kind", "i.kind")
		.reads("amount", "i.amount", "i.currency")
		.reads("year", "i.year")
		.reads("date", "i.invested_on")
		.reads("project", "i.project_id")
		.reads("enterprise", "i.enterprise_id")
		.reads("fund", "i.fund_id")
		.reads("sector", "i.sector_id")
		.reads("note", "i.note")
		.reads("provenance", "i.provenance", "i.source")
		.reads("createdAt", "i.created_at")
		.reads("updatedAt", "i.updated_at")
		.reads("version", "i.version")
		.reads("deletedAt", "i.deleted_at");

	private final JdbcClient jdbc;

	InvestmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of the rows the filter finds, reading what the fields selected of them need. */
	List<Row<Investment>> page(InvestmentFilter filter, PageRequest page, Set<String> fields) {
		return LISTING.page(this.jdbc, conditions(filter), page, fields);
	}

	long count(InvestmentFilter filter) {
		return LISTING.count(this.jdbc, conditions(filter));
	}

	/** A relation's source: the ledger rows whose {@code parent} column holds one of the parents. */
	Relation.Source<InvestmentFilter, Investment> of(String parent) {
		return LISTING.relation(this.jdbc, parent, InvestmentRepository::conditions);
	}

	private static Conditions conditions(InvestmentFilter filter) {
		Conditions where = Scope.investments(Filters.live("i", filter.updatedSince()), "i");
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
		Conditions where = Scope.investments(new Conditions().and("i.deleted_at IS NULL").andIn("i.id", ids), "i");
		return this.jdbc.sql("SELECT " + LISTING.columns() + " FROM investment i" + where.where())
			.params(where.parameters())
			.query(InvestmentRepository::investment)
			.list();
	}

	/**
	 * A row of {@link #LISTING}'s columns, read by position: every statement here selects them first, in
	 * that order. Any but the id may be NULL, where a page's selection does not read it.
	 */
	private static Investment investment(ResultSet rs, int row) throws SQLException {
		return new Investment(rs.getLong(1), Columns.value(rs, 2, InvestmentKind.class),
				Money.of(rs.getBigDecimal(3), rs.getString(4)), rs.getInt(5), Columns.date(rs, 6),
				Columns.nullableLong(rs, 7), Columns.nullableLong(rs, 8), Columns.nullableLong(rs, 9),
				Columns.nullableLong(rs, 10), rs.getString(11), Columns.provenance(rs, 12), Columns.utc(rs, 14),
				Columns.utc(rs, 15), rs.getLong(16), Columns.utc(rs, 17));
	}

}
