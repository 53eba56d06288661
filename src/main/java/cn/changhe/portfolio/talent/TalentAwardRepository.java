package cn.changhe.portfolio.talent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Row;
import cn.changhe.portfolio.graphql.Years;

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TalentAwardRepository implements NodeLookup {

	private static final Listing<TalentAward> LISTING = new Listing<>("""
			a.id, a.programme_id, a.award_year, a.title, a.person_name, a.enterprise_id, a.project_id,
			a.grant_amount, a.grant_currency, a.provenance, a.source, a.created_at, a.updated_at, a.version""",
			"talent_award a", "a.id", TalentAwardRepository::award);

	private final JdbcClient jdbc;

	TalentAwardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row<TalentAward>> page(TalentAwardFilter filter, PageRequest page) {
		return LISTING.page(this.jdbc, conditions(filter), page);
	}

	long count(TalentAwardFilter filter) {
		return LISTING.count(this.jdbc, conditions(filter));
	}

	/** A relation's source: the awards whose {@code parent} column holds one of the parents. */
	Relation.Source<TalentAwardFilter, TalentAward> of(String parent) {
		return LISTING.relation(this.jdbc, parent, TalentAwardRepository::conditions);
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

	@Override
	public String type() {
		return "TalentAward";
	}

	@Override
	public List<TalentAward> findAllById(Collection<Long> ids) {
		Conditions where = Scope.none(new Conditions().and("a.deleted_at IS NULL").andIn("a.id", ids));
		return this.jdbc.sql("SELECT " + LISTING.columns() + " FROM talent_award a" + where.where())
			.params(where.parameters())
			.query(TalentAwardRepository::award)
			.list();
	}

	private static TalentAward award(ResultSet rs, int row) throws SQLException {
		return new TalentAward(rs.getLong("id"), rs.getLong("programme_id"), rs.getInt("award_year"),
				rs.getString("title"), rs.getString("person_name"), Columns.nullableLong(rs, "enterprise_id"),
				Columns.nullableLong(rs, "project_id"),
				Money.of(rs.getBigDecimal("grant_amount"), rs.getString("grant_currency")), Columns.provenance(rs),
				Columns.utc(rs, "created_at"), Columns.utc(rs, "updated_at"), rs.getLong("version"));
	}

}
