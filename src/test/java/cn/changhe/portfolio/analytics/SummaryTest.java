package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static cn.changhe.portfolio.analytics.ContractFiguresTest.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summaries' measures, thresholds, orderings and dimensions agree with the rows they summarize.
 */
class SummaryTest extends ApiTest {

	@Test
	void measuresOfAGroupAgreeWithItsRows() {
		// language=GraphQL
		String query = """
				{
				  investmentSummary(groupBy: [KIND, YEAR], filter: { kind: [FIXED_ASSET], yearFrom: 2024, yearTo: 2024 }) {
				    kind year sector { id } currency count total { amount } average { amount } min { amount } max { amount }
				  }
				  investments(filter: { kind: [FIXED_ASSET], yearFrom: 2024, yearTo: 2024 }, orderBy: { field: AMOUNT }, first: 100) {
				    totalCount nodes { amount { amount } }
				  }
				}""";
		Map<String, Object> group = query(query, "investmentSummary[0]");
		List<Object> amounts = query(query, "investments.nodes[*].amount.amount");
		assertThat(group.get("sector")).as("a dimension not asked for is null").isNull();
		assertThat(group.get("count")).isEqualTo(amounts.size()).isEqualTo(query(query, "investments.totalCount"));
		BigDecimal total = amounts.stream().map(ContractFiguresTest::decimal).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(decimal(((Map<?, ?>) group.get("total")).get("amount"))).isEqualByComparingTo(total)
			.isEqualByComparingTo("4310000000");
		assertThat(decimal(((Map<?, ?>) group.get("average")).get("amount")))
			.isEqualByComparingTo(total.divide(BigDecimal.valueOf(amounts.size()), 2, RoundingMode.HALF_EVEN));
		assertThat(decimal(((Map<?, ?>) group.get("min")).get("amount"))).isEqualByComparingTo(decimal(amounts.get(0)));
		assertThat(decimal(((Map<?, ?>) group.get("max")).get("amount")))
			.isEqualByComparingTo(decimal(amounts.get(amounts.size() - 1)));
	}

	@Test
	void theTotalsBySectorYearAndKindAgreeWithTheLedgerRowByRow() {
		// language=GraphQL
		String query = """
				{
				  totals: investmentSummary(groupBy: [SECTOR, YEAR, KIND]) {
				    sector { id } year kind currency count total { amount } min { amount } max { amount }
				  }
				  ledger: investmentSummary(groupBy: [SECTOR, YEAR, KIND, ENTERPRISE], first: 10000) {
				    sector { id } year kind currency count total { amount } min { amount } max { amount }
				  }
				}""";
		Map<String, BigDecimal[]> fromLedger = new java.util.HashMap<>();
		for (Map<String, Object> group : this.<List<Map<String, Object>>>query(query, "ledger")) {
			BigDecimal[] measures = fromLedger.computeIfAbsent(key(group),
					(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, null, null });
			measures[0] = measures[0].add(new BigDecimal(group.get("count").toString()));
			measures[1] = measures[1].add(amount(group, "total"));
			measures[2] = (measures[2] == null) ? amount(group, "min") : measures[2].min(amount(group, "min"));
			measures[3] = (measures[3] == null) ? amount(group, "max") : measures[3].max(amount(group, "max"));
		}
		List<Map<String, Object>> totals = query(query, "totals");
		assertThat(totals).hasSize(fromLedger.size());
		for (Map<String, Object> group : totals) {
			BigDecimal[] expected = fromLedger.get(key(group));
			assertThat(expected).as("group %s", key(group)).isNotNull();
			assertThat(new BigDecimal(group.get("count").toString())).isEqualByComparingTo(expected[0]);
			assertThat(amount(group, "total")).isEqualByComparingTo(expected[1]);
			assertThat(amount(group, "min")).isEqualByComparingTo(expected[2]);
			assertThat(amount(group, "max")).isEqualByComparingTo(expected[3]);
		}
	}

	private static String group(Map<String, Object> group) {
		return ((Map<?, ?>) group.get("sector")).get("code") + "/" + group.get("currency");
	}

	private static String key(Map<String, Object> group) {
		Object sector = (group.get("sector") != null) ? ((Map<?, ?>) group.get("sector")).get("id") : null;
		return sector + "/" + group.get("year") + "/" + group.get("kind") + "/" + group.get("currency");
	}

	@Test
	void havingAndOrderingByAMeasure() {
		// language=GraphQL
		String query = """
				{
				  all: investmentSummary(groupBy: [SECTOR], filter: { kind: [FIXED_ASSET] }, orderBy: [{ by: TOTAL, direction: DESC }]) {
				    sector { code } count total { amount(unit: YI) }
				  }
				  big: investmentSummary(groupBy: [SECTOR], filter: { kind: [FIXED_ASSET] },
				                         having: { minTotal: { amount: 5, unit: YI }, minCount: 3 }) {
				    sector { code } count total { amount(unit: YI) }
				  }
				}""";
		List<Map<String, Object>> all = query(query, "all");
		List<BigDecimal> totals = all.stream().map((g) -> decimal(((Map<?, ?>) g.get("total")).get("amount"))).toList();
		assertThat(totals).isSortedAccordingTo((a, b) -> b.compareTo(a));
		List<Map<String, Object>> big = query(query, "big");
		long expected = all.stream()
			.filter((g) -> decimal(((Map<?, ?>) g.get("total")).get("amount")).compareTo(new BigDecimal("5")) >= 0
					&& (Integer) g.get("count") >= 3)
			.count();
		assertThat(big).hasSize((int) expected).isNotEmpty();
	}

	@Test
	void theExtremesAreReadWhereAskedForAndOrderWhereNot() {
		// language=GraphQL
		String query = """
				{
				  full: investmentSummary(groupBy: [SECTOR], orderBy: [{ by: MAX, direction: DESC }]) {
				    sector { code } currency count min { amount } max { amount }
				  }
				  maxOnly: investmentSummary(groupBy: [SECTOR], orderBy: [{ by: MAX, direction: DESC }]) {
				    sector { code } ...Largest
				  }
				  byMin: investmentSummary(groupBy: [SECTOR], orderBy: [{ by: MIN }]) { sector { code } currency }
				}
				fragment Largest on InvestmentGroup { max { amount } }""";
		List<Map<String, Object>> full = query(query, "full");
		assertThat(full).hasSizeGreaterThan(3);
		assertThat(this.<List<Object>>query(query, "maxOnly[*].sector.code")).isEqualTo(query(query, "full[*].sector.code"));
		assertThat(this.<List<Object>>query(query, "maxOnly[*].max.amount")).isEqualTo(query(query, "full[*].max.amount"));
		Map<String, BigDecimal> minByGroup = new java.util.HashMap<>();
		full.forEach((g) -> minByGroup.put(group(g), amount(g, "min")));
		List<BigDecimal> mins = this.<List<Map<String, Object>>>query(query, "byMin").stream()
			.map((g) -> minByGroup.get(group(g)))
			.toList();
		assertThat(mins).hasSize(full.size()).isSorted();
		assertThat(mins.get(0)).isLessThan(mins.get(mins.size() - 1));
	}

	@Test
	void leadingIndustriesAndProjectStagesAsFilterAndDimension() {
		// language=GraphQL
		String query = """
				{
				  leading: investmentSummary(groupBy: [], filter: { kind: [FIXED_ASSET], leading: true }) { count total { amount } }
				  other: investmentSummary(groupBy: [], filter: { kind: [FIXED_ASSET], leading: false }) { count total { amount } }
				  all: investmentSummary(groupBy: [], filter: { kind: [FIXED_ASSET] }) { count total { amount } }
				  byStage: investmentSummary(groupBy: [PROJECT_STAGE], filter: { kind: [FIXED_ASSET] }) { projectStage count }
				  aboveSize: investmentSummary(groupBy: [], filter: { kind: [FIXED_ASSET], projectStage: [ABOVE_SIZE] }) { count }
				}""";
		int leading = query(query, "leading[0].count");
		int other = query(query, "other[0].count");
		assertThat(leading + other).isEqualTo(query(query, "all[0].count"));
		List<Map<String, Object>> byStage = query(query, "byStage");
		assertThat(byStage.stream().mapToInt((g) -> (Integer) g.get("count")).sum()).isEqualTo(query(query, "all[0].count"));
		List<String> stages = byStage.stream().map((g) -> (String) g.get("projectStage")).toList();
		List<String> lifeCycle = List.of("SIGNED", "REGISTERED", "STARTED", "COMPLETED", "IN_PRODUCTION", "ABOVE_SIZE");
		assertThat(stages).isSortedAccordingTo((a, b) -> lifeCycle.indexOf(a) - lifeCycle.indexOf(b));
		int aboveSize = query(query, "aboveSize[0].count");
		assertThat(byStage).anySatisfy((g) -> assertThat(g).containsEntry("projectStage", "ABOVE_SIZE").containsEntry("count", aboveSize));
	}

	@Test
	void orderingByADimensionNotGroupedAndTooManyGroupsAreBadRequests() {
		refused(this.graphQl, "{ investmentSummary(groupBy: [YEAR], orderBy: [{ by: SECTOR }]) { year } }",
				(errors) -> {
				assertThat(errors.get(0).getMessage()).contains("`orderBy`").contains("SECTOR");
				assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
			});
		refused(this.graphQl, "{ investmentSummary(groupBy: [ENTERPRISE], first: 20000) { count } }",
				(errors) -> assertThat(errors.get(0).getMessage()).contains("`first`").contains("10000"));
	}

	@Test
	void thePipelineFallsOutOfTheProjectSummary() {
		// language=GraphQL
		String query = """
				{
				  bands: projectSummary(groupBy: [SIZE_BAND], filter: { reached: { stage: REGISTERED, year: 2024 } }) {
				    sizeBand count totalInvestment { amount(unit: YI) }
				  }
				  started: projectSummary(groupBy: [REACHED_YEAR], reachedStage: STARTED,
				                          filter: { minTotalInvestment: { amount: 3, unit: YI } }) { reachedYear count }
				  byStage: projectSummary(groupBy: [STAGE]) { stage count }
				  leading: projectSummary(groupBy: [LEADING, SECTOR]) { leading sector { leading } count }
				  all: projects { totalCount }
				}""";
		List<Map<String, Object>> bands = query(query, "bands");
		Map<String, Integer> byBand = new java.util.HashMap<>();
		bands.forEach((b) -> byBand.put((String) b.get("sizeBand"), (Integer) b.get("count")));
		int overThree = byBand.getOrDefault("OVER_3_YI", 0) + byBand.getOrDefault("OVER_10_YI", 0)
				+ byBand.getOrDefault("OVER_50_YI", 0);
		assertThat(overThree).isEqualTo(18);
		assertThat(byBand.getOrDefault("OVER_10_YI", 0) + byBand.getOrDefault("OVER_50_YI", 0)).isEqualTo(6);
		List<Map<String, Object>> started = query(query, "started");
		assertThat(started).anySatisfy((g) -> assertThat(g).containsEntry("reachedYear", 2024).containsEntry("count", 16));
		int all = query(query, "all.totalCount");
		List<Integer> stageCounts = query(query, "byStage[*].count");
		assertThat(stageCounts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(all);
		List<Map<String, Object>> leading = query(query, "leading");
		leading.forEach((g) -> assertThat(((Map<?, ?>) g.get("sector")).get("leading")).isEqualTo(g.get("leading")));
		refused(this.graphQl, "{ projectSummary(groupBy: [REACHED_YEAR]) { count } }",
				(errors) -> assertThat(errors.get(0).getMessage()).contains("`reachedStage`"));
	}

	@Test
	void aFundsFiguresAndAnInvestorsAcrossFunds() {
		// language=GraphQL
		String query = """
				{
				  funds(first: 50) {
				    nodes {
				      size { amount } committed { amount currency } called { amount } uncalled { amount } invested { amount }
				      portfolioEnterpriseCount portfolioEnterprises { totalCount }
				      commitments { called { amount } }
				    }
				  }
				  investors(first: 50) {
				    nodes { name committed { amount currency } called { amount } uncalled { amount } fundCount
				            commitments { committed { amount } } funds { totalCount } }
				  }
				}""";
		List<Map<String, Object>> funds = query(query, "funds.nodes");
		for (Map<String, Object> fund : funds) {
			BigDecimal committed = amount(fund, "committed");
			BigDecimal called = amount(fund, "called");
			assertThat(committed).isEqualByComparingTo(amount(fund, "size"));
			assertThat(called).isLessThanOrEqualTo(committed)
				.isEqualByComparingTo(((List<Map<String, Object>>) fund.get("commitments")).stream()
					.map((c) -> amount(c, "called"))
					.reduce(BigDecimal.ZERO, BigDecimal::add));
			assertThat(amount(fund, "uncalled")).isEqualByComparingTo(committed.subtract(called));
			assertThat(amount(fund, "invested")).isPositive().isLessThanOrEqualTo(called);
			assertThat(fund.get("portfolioEnterpriseCount")).isEqualTo(((Map<?, ?>) fund.get("portfolioEnterprises")).get("totalCount"));
		}
		List<Map<String, Object>> investors = query(query, "investors.nodes");
		for (Map<String, Object> investor : investors) {
			List<Map<String, Object>> commitments = (List<Map<String, Object>>) investor.get("commitments");
			BigDecimal committed = commitments.stream().map((c) -> amount(c, "committed")).reduce(BigDecimal.ZERO, BigDecimal::add);
			List<Map<String, Object>> totals = (List<Map<String, Object>>) investor.get("committed");
			if (commitments.isEmpty()) {
				assertThat(totals).isEmpty();
				continue;
			}
			assertThat(totals).hasSize(1);
			assertThat(decimal(totals.get(0).get("amount"))).isEqualByComparingTo(committed);
			assertThat(investor.get("fundCount")).isEqualTo(commitments.size())
				.isEqualTo(((Map<?, ?>) investor.get("funds")).get("totalCount"));
		}
	}

	private static BigDecimal amount(Map<String, Object> owner, String field) {
		return decimal(((Map<?, ?>) owner.get(field)).get("amount"));
	}

}
