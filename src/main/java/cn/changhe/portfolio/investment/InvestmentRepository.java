package cn.changhe.portfolio.investment;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.changhe.portfolio.graphql.Cells;
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

	static final Listing<Investment> LISTING = Listing.projected("""
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
		.readsRecordFields("i");

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
		where.andIf(Filters.text(filter.currency(), 3, "filter.currency"), "i.currency = ?");
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
			.query(LISTING.mapper())
			.list();
	}

	/** A row of {@link #LISTING}'s columns, which every statement here selects first, in that order. */
	private static Investment investment(Cells row, int n) throws SQLException {
		return new Investment(row.id(1), row.value(2, InvestmentKind.class), Money.of(row.decimal(3), row.text(4)),
				row.integer(5), row.date(6), row.nullableLong(7), row.nullableLong(8), row.nullableLong(9),
				row.nullableLong(10), row.text(11), row.provenance(12), row.utc(14), row.utc(15), row.number(16),
				row.utc(17));
	}

}
