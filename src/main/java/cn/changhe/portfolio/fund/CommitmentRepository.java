package cn.changhe.portfolio.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.NodeLookup;

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
		return this.jdbc.sql(COLUMNS + " WHERE c.deleted_at IS NULL AND c.id IN (:ids)")
			.param("ids", ids)
			.query(CommitmentRepository::commitment)
			.list();
	}

	List<Commitment> ofFunds(Collection<Long> fundIds) {
		return this.jdbc.sql(COLUMNS + " WHERE c.deleted_at IS NULL AND c.fund_id IN (:ids) ORDER BY c.committed DESC, c.id")
			.param("ids", fundIds)
			.query(CommitmentRepository::commitment)
			.list();
	}

	List<Commitment> ofInvestors(Collection<Long> investorIds) {
		return this.jdbc.sql(COLUMNS + " WHERE c.deleted_at IS NULL AND c.investor_id IN (:ids) ORDER BY c.fund_id, c.id")
			.param("ids", investorIds)
			.query(CommitmentRepository::commitment)
			.list();
	}

	private static Commitment commitment(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		return new Commitment(rs.getLong("id"), rs.getLong("fund_id"), rs.getLong("investor_id"),
				Money.of(rs.getBigDecimal("committed"), currency), Money.of(rs.getBigDecimal("called"), currency),
				Columns.date(rs, "committed_on"), Columns.provenance(rs), rs.getLong("version"));
	}

}
