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

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CommitmentRepository extends ListingRepository<CommitmentFilter, Commitment> {

	private static final String SELECTED = """
			c.id, c.fund_id, c.investor_id, c.committed, c.called, c.currency, c.committed_on,
			c.provenance, c.source, c.version""";

	private static final String COLUMNS = "SELECT " + SELECTED + " FROM commitment c";

	private static final Listing<Commitment> LISTING = new Listing<>(SELECTED, "commitment c", "c.id",
			CommitmentRepository::commitment);

	CommitmentRepository(JdbcClient jdbc) {
		super(jdbc, "Commitment", LISTING, CommitmentRepository::conditions,
				(where) -> Scope.commitments(where, "c.investor_id"));
	}

	private static Conditions conditions(CommitmentFilter filter) {
		Conditions where = Scope.commitments(new Conditions().and("c.deleted_at IS NULL"), "c.investor_id");
		if (filter.fundIds() != null) {
			where.andIn("c.fund_id", GlobalId.keysOf(filter.fundIds(), "Fund", "filter.fundIds"));
		}
		if (filter.investorIds() != null) {
			where.andIn("c.investor_id", GlobalId.keysOf(filter.investorIds(), "Investor", "filter.investorIds"));
		}
		Filters.updatedSince(where, "c.updated_at", filter.updatedSince());
		return where;
	}

	private List<Commitment> select(Conditions where, String orderBy) {
		Conditions scoped = Scope.commitments(where, "c.investor_id");
		return this.jdbc.sql(COLUMNS + scoped.where() + orderBy)
			.params(scoped.parameters())
			.query(CommitmentRepository::commitment)
			.list();
	}

	List<Commitment> ofFunds(Collection<Long> fundIds) {
		return select(new Conditions().and("c.deleted_at IS NULL").andIn("c.fund_id", fundIds), " ORDER BY c.committed DESC, c.id");
	}

	List<Commitment> ofInvestors(Collection<Long> investorIds) {
		return select(new Conditions().and("c.deleted_at IS NULL").andIn("c.investor_id", investorIds), " ORDER BY c.fund_id, c.id");
	}

	private static Commitment commitment(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		return new Commitment(rs.getLong("id"), rs.getLong("fund_id"), rs.getLong("investor_id"),
				Money.of(rs.getBigDecimal("committed"), currency), Money.of(rs.getBigDecimal("called"), currency),
				Columns.date(rs, "committed_on"), Columns.provenance(rs), rs.getLong("version"));
	}

}
