package cn.changhe.portfolio.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.ListingRepository;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Years;

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FundRepository extends ListingRepository<FundFilter, Fund> {

	private static final String COLUMNS = """
			f.id, f.name, f.name_en, f.size, f.currency, f.vintage_year, f.manager_id,
			f.provenance, f.source, f.created_at, f.updated_at, f.version""";

	private static final Listing<Fund> LISTING = new Listing<>(COLUMNS, "fund f", "f.id", FundRepository::fund);

	/** Funds with the investors committed to them, one row per commitment. */
	private static final Listing<Fund> BY_INVESTOR = new Listing<>(COLUMNS,
			"fund f JOIN commitment c ON c.fund_id = f.id AND c.deleted_at IS NULL", "f.id", FundRepository::fund);

	/** Funds with the sectors they focus on, one row per focus sector. */
	private static final Listing<Fund> BY_SECTOR = new Listing<>(COLUMNS,
			"fund f JOIN fund_sector fs ON fs.fund_id = f.id", "f.id", FundRepository::fund);

	FundRepository(JdbcClient jdbc) {
		super(jdbc, "Fund", LISTING, FundRepository::conditions, (where) -> Scope.funds(where, "f.id"));
	}

	Relation.Source<FundFilter, Fund> ofInvestors() {
		return of(BY_INVESTOR, "c.investor_id");
	}

	Relation.Source<FundFilter, Fund> ofSectors() {
		return of(BY_SECTOR, "fs.sector_id");
	}

	private static Conditions conditions(FundFilter filter) {
		Conditions where = Scope.funds(new Conditions().and("f.deleted_at IS NULL"), "f.id");
		Filters.nameContains(where, "f", filter.nameContains());
		if (filter.investorIds() != null) {
			List<Long> investors = GlobalId.keysOf(filter.investorIds(), "Investor", "filter.investorIds");
			Conditions committed = new Conditions().and("ci.fund_id = f.id").and("ci.deleted_at IS NULL").andIn("ci.investor_id", investors);
			where.and("EXISTS (SELECT 1 FROM commitment ci" + committed.where() + ")", committed.parameters().toArray());
		}
		if (filter.managerIds() != null) {
			where.andIn("f.manager_id", GlobalId.keysOf(filter.managerIds(), "Investor", "filter.managerIds"));
		}
		if (filter.sectorIds() != null) {
			List<Long> sectors = GlobalId.keysOf(filter.sectorIds(), "Sector", "filter.sectorIds");
			Conditions focus = new Conditions().and("fsf.fund_id = f.id").andIn("fsf.sector_id", sectors);
			where.and("EXISTS (SELECT 1 FROM fund_sector fsf" + focus.where() + ")", focus.parameters().toArray());
		}
		where.andIf(Years.check(filter.vintageYearFrom(), "filter.vintageYearFrom"), "f.vintage_year >= ?");
		where.andIf(Years.check(filter.vintageYearTo(), "filter.vintageYearTo"), "f.vintage_year <= ?");
		Filters.updatedSince(where, "f.updated_at", filter.updatedSince());
		return where;
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
