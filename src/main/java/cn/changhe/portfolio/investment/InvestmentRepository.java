package cn.changhe.portfolio.investment;

import java.sql.SQLException;
import java.util.Optional;

import cn.changhe.portfolio.graphql.Cells;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.ListingRepository;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.Years;

import cn.changhe.portfolio.security.Scope;
import cn.changhe.portfolio.write.Lookups;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvestmentRepository extends ListingRepository<InvestmentFilter, Investment> {

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

	InvestmentRepository(JdbcClient jdbc) {
		super(jdbc, "Investment", LISTING, InvestmentRepository::conditions, (where) -> Scope.investments(where, "i"));
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

	/** A row of {@link #LISTING}'s columns, which every statement here selects first, in that order. */
	private static Investment investment(Cells row, int n) throws SQLException {
		return new Investment(row.id(1), row.value(2, InvestmentKind.class), Money.of(row.decimal(3), row.text(4)),
				row.integer(5), row.date(6), row.nullableLong(7), row.nullableLong(8), row.nullableLong(9),
				row.nullableLong(10), row.text(11), row.provenance(12), row.utc(14), row.utc(15), row.number(16),
				row.utc(17));
	}

	/** A live project's enterprise and sector. */
	Optional<long[]> project(long id) {
		return this.jdbc.sql("SELECT enterprise_id, sector_id FROM project WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query((rs, row) -> new long[] { rs.getLong("enterprise_id"), rs.getLong("sector_id") })
			.optional();
	}

	/** A live enterprise's sector (0 where it has none). */
	Optional<Long> enterpriseSector(long id) {
		return Lookups.value(this.jdbc, Long.class,
				"SELECT COALESCE(sector_id, 0) FROM enterprise WHERE id = ? AND deleted_at IS NULL", id);
	}

	/** A live fund's currency. */
	Optional<String> fundCurrency(long id) {
		return this.jdbc.sql("SELECT currency FROM fund WHERE id = ? AND deleted_at IS NULL").param(id).query(String.class).optional();
	}

}
