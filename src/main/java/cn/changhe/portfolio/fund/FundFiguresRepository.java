package cn.changhe.portfolio.fund;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The funds' and investors' figures, summed by the database for a whole batch at once.
 */
@Repository
class FundFiguresRepository {

	private final JdbcClient jdbc;

	FundFiguresRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each fund's figures, in the fund's currency. */
	Map<Long, FundFigures> ofFunds(Collection<Long> fundIds, Map<Long, String> currencies) {
		Map<Long, BigDecimal[]> raised = new HashMap<>();
		// A partner sees its own commitment in these sums, never another investor's.
		Conditions commitments = Scope.commitments(new Conditions().and("c.deleted_at IS NULL").andIn("c.fund_id", fundIds),
				"c.investor_id");
		this.jdbc.sql("""
				SELECT c.fund_id, SUM(c.committed) AS committed, SUM(c.called) AS called
				FROM commitment c JOIN fund f ON f.id = c.fund_id AND c.currency = f.currency""" + commitments.where()
				+ " GROUP BY c.fund_id")
			.params(commitments.parameters())
			.query((java.sql.ResultSet rs) -> {
				raised.put(rs.getLong("fund_id"), new BigDecimal[] { rs.getBigDecimal("committed"), rs.getBigDecimal("called") });
			});
		Map<Long, Object[]> invested = new HashMap<>();
		this.jdbc.sql("""
				SELECT i.fund_id, SUM(i.amount) AS invested, COUNT(DISTINCT i.enterprise_id) AS enterprises
				FROM investment i JOIN fund f ON f.id = i.fund_id AND i.currency = f.currency
				WHERE i.deleted_at IS NULL AND i.kind = 'FUND_EQUITY' AND i.fund_id IN (:ids) GROUP BY i.fund_id""")
			.param("ids", fundIds)
			.query((java.sql.ResultSet rs) -> {
				invested.put(rs.getLong("fund_id"), new Object[] { rs.getBigDecimal("invested"), rs.getInt("enterprises") });
			});
		Map<Long, FundFigures> figures = new HashMap<>();
		for (Long fund : fundIds) {
			String currency = currencies.get(fund);
			BigDecimal[] money = raised.getOrDefault(fund, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			Object[] equity = invested.getOrDefault(fund, new Object[] { BigDecimal.ZERO, 0 });
			figures.put(fund, new FundFigures(new Money(money[0], currency), new Money(money[1], currency),
					new Money((BigDecimal) equity[0], currency), (Integer) equity[1]));
		}
		return figures;
	}

	/** Each investor's figures across the funds it committed to. */
	Map<Long, FundFigures.OfInvestor> ofInvestors(Collection<Long> investorIds) {
		Map<Long, List<Money>> committed = new HashMap<>();
		Map<Long, List<Money>> called = new HashMap<>();
		Map<Long, Integer> funds = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.investor_id, c.currency, SUM(c.committed) AS committed, SUM(c.called) AS called,
				       COUNT(DISTINCT c.fund_id) AS funds
				FROM commitment c WHERE c.deleted_at IS NULL AND c.investor_id IN (:ids)
				GROUP BY c.investor_id, c.currency ORDER BY c.investor_id, c.currency""")
			.param("ids", investorIds)
			.query((java.sql.ResultSet rs) -> {
				long investor = rs.getLong("investor_id");
				String currency = rs.getString("currency");
				committed.computeIfAbsent(investor, (k) -> new ArrayList<>()).add(new Money(rs.getBigDecimal("committed"), currency));
				called.computeIfAbsent(investor, (k) -> new ArrayList<>()).add(new Money(rs.getBigDecimal("called"), currency));
				funds.merge(investor, rs.getInt("funds"), Integer::sum);
			});
		Map<Long, Integer> portfolios = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.investor_id, COUNT(DISTINCT i.enterprise_id) AS enterprises
				FROM commitment c JOIN investment i ON i.fund_id = c.fund_id AND i.kind = 'FUND_EQUITY' AND i.deleted_at IS NULL
				WHERE c.deleted_at IS NULL AND c.investor_id IN (:ids) GROUP BY c.investor_id""")
			.param("ids", investorIds)
			.query((java.sql.ResultSet rs) -> {
				portfolios.put(rs.getLong("investor_id"), rs.getInt("enterprises"));
			});
		Map<Long, FundFigures.OfInvestor> figures = new HashMap<>();
		for (Long investor : investorIds) {
			figures.put(investor, new FundFigures.OfInvestor(committed.getOrDefault(investor, List.of()),
					called.getOrDefault(investor, List.of()), funds.getOrDefault(investor, 0),
					portfolios.getOrDefault(investor, 0)));
		}
		return figures;
	}

}
