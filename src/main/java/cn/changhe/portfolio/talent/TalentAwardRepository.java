package cn.changhe.portfolio.talent;

import java.sql.ResultSet;
import java.sql.SQLException;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.ListingRepository;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.Years;

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TalentAwardRepository extends ListingRepository<TalentAwardFilter, TalentAward> {

	private static final Listing<TalentAward> LISTING = new Listing<>("""
			a.id, a.programme_id, a.award_year, a.title, a.person_name, a.enterprise_id, a.project_id,
			a.grant_amount, a.grant_currency, a.provenance, a.source, a.created_at, a.updated_at, a.version""",
			"talent_award a", "a.id", TalentAwardRepository::award);

	TalentAwardRepository(JdbcClient jdbc) {
		super(jdbc, "TalentAward", LISTING, TalentAwardRepository::conditions, Scope::none);
	}

	private static Conditions conditions(TalentAwardFilter filter) {
		Conditions where = Scope.none(new Conditions().and("a.deleted_at IS NULL"));
		if (filter.programmeIds() != null) {
			where.andIn("a.programme_id", GlobalId.keysOf(filter.programmeIds(), "TalentProgramme", "filter.programmeIds"));
		}
		where.andIf(Years.check(filter.yearFrom(), "filter.yearFrom"), "a.award_year >= ?");
		where.andIf(Years.check(filter.yearTo(), "filter.yearTo"), "a.award_year <= ?");
		if (filter.enterpriseIds() != null) {
			where.andIn("a.enterprise_id", GlobalId.keysOf(filter.enterpriseIds(), "Enterprise", "filter.enterpriseIds"));
		}
		if (filter.projectIds() != null) {
			where.andIn("a.project_id", GlobalId.keysOf(filter.projectIds(), "Project", "filter.projectIds"));
		}
		Filters.updatedSince(where, "a.updated_at", filter.updatedSince());
		return where;
	}

	private static TalentAward award(ResultSet rs, int row) throws SQLException {
		return new TalentAward(rs.getLong("id"), rs.getLong("programme_id"), rs.getInt("award_year"),
				rs.getString("title"), rs.getString("person_name"), Columns.nullableLong(rs, "enterprise_id"),
				Columns.nullableLong(rs, "project_id"),
				Money.of(rs.getBigDecimal("grant_amount"), rs.getString("grant_currency")), Columns.provenance(rs),
				Columns.utc(rs, "created_at"), Columns.utc(rs, "updated_at"), rs.getLong("version"));
	}

}
