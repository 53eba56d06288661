package cn.changhe.portfolio.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.NodeLookup;

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommitmentRepository implements NodeLookup {

	private static final String COLUMNS = """
			SELECT c.id, c.fund_id, c.investor_id, c.committed, c.called, c.currency, c.committed_on,
			       c.provenance, c.source, c.version
			FROM commitment c""";

	private final JdbcClient jdbc;

	CommitmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "Commitment";
	}

	@Override
	public List<Commitment> findAllById(Collection<Long> ids) {
		return select(new Conditions().and("c.deleted_at IS NULL").andIn("c.id", ids), "");
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
