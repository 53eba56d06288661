package cn.changhe.portfolio.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Row;

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvestorRepository implements NodeLookup {

	private static final Listing<Investor> LISTING = new Listing<>("""
			v.id, v.name, v.name_en, v.investor_type, v.provenance, v.source, v.created_at, v.updated_at,
			v.version""", "investor v", "v.id", InvestorRepository::investor);

	private final JdbcClient jdbc;

	InvestorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row<Investor>> page(InvestorFilter filter, PageRequest page) {
		return LISTING.page(this.jdbc, conditions(filter), page);
	}

	long count(InvestorFilter filter) {
		return LISTING.count(this.jdbc, conditions(filter));
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

	@Override
	public String type() {
		return "Investor";
	}

	@Override
	public List<Investor> findAllById(Collection<Long> ids) {
		Conditions where = Scope.investors(new Conditions().and("v.deleted_at IS NULL").andIn("v.id", ids), "v.id");
		return this.jdbc.sql("SELECT " + LISTING.columns() + " FROM investor v" + where.where())
			.params(where.parameters())
			.query(InvestorRepository::investor)
			.list();
	}

	private static Investor investor(ResultSet rs, int row) throws SQLException {
		return new Investor(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
				Investor.Type.valueOf(rs.getString("investor_type")), Columns.provenance(rs),
				Columns.utc(rs, "created_at"), Columns.utc(rs, "updated_at"), rs.getLong("version"));
	}

}
