package cn.changhe.portfolio.fund;

import java.sql.ResultSet;
import java.sql.SQLException;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.ListingRepository;

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvestorRepository extends ListingRepository<InvestorFilter, Investor> {

	private static final Listing<Investor> LISTING = new Listing<>("""
			v.id, v.name, v.name_en, v.investor_type, v.provenance, v.source, v.created_at, v.updated_at,
			v.version""", "investor v", "v.id", InvestorRepository::investor);

	InvestorRepository(JdbcClient jdbc) {
		super(jdbc, "Investor", LISTING, InvestorRepository::conditions, (where) -> Scope.investors(where, "v.id"));
	}

	private static Conditions conditions(InvestorFilter filter) {
		Conditions where = Scope.investors(new Conditions().and("v.deleted_at IS NULL"), "v.id");
		Filters.nameContains(where, "v", filter.nameContains());
		if (filter.type() != null) {
			where.andIn("v.investor_type", filter.type().stream().map(Investor.Type::name).toList());
		}
		Filters.updatedSince(where, "v.updated_at", filter.updatedSince());
		return where;
	}

	private static Investor investor(ResultSet rs, int row) throws SQLException {
		return new Investor(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
				Investor.Type.valueOf(rs.getString("investor_type")), Columns.provenance(rs),
				Columns.utc(rs, "created_at"), Columns.utc(rs, "updated_at"), rs.getLong("version"));
	}

}
