package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's aggregate operations, as written, return the figures of the zone's 2024 report
 * on the demo data.
 */
class ContractFiguresTest extends ApiTest {

	@Test
	void fixedAssetInvestmentBySectorAndYearAddsUpTo43Point1And34Point48Yi() {
		List<Map<String, Object>> groups = this.graphQl.documentName("investment-by-sector-year")
			.execute()
			.path("investmentSummary")
			.entity(List.class)
			.get();
		assertThat(groups).isNotEmpty();
		BigDecimal y2023 = BigDecimal.ZERO;
		BigDecimal y2024 = BigDecimal.ZERO;
		for (Map<String, Object> group : groups) {
			assertThat((Map<String, Object>) group.get("sector")).containsKeys("code", "name", "nameEn", "leading", "emerging");
			assertThat(((Map<?, ?>) group.get("total")).get("currency")).isEqualTo("CNY");
			BigDecimal yi = decimal(((Map<?, ?>) group.get("total")).get("amount"));
			if ((Integer) group.get("year") == 2023) {
				y2023 = y2023.add(yi);
			}
			else {
				assertThat(group.get("year")).isEqualTo(2024);
				y2024 = y2024.add(yi);
			}
		}
		assertThat(y2024).isEqualByComparingTo("43.1");
		assertThat(y2023).isEqualByComparingTo("34.48");
		BigDecimal services2024 = groups.stream()
			.filter((g) -> "SERVICES".equals(((Map<?, ?>) g.get("sector")).get("code")) && (Integer) g.get("year") == 2024)
			.map((g) -> decimal(((Map<?, ?>) g.get("total")).get("amount")))
			.findFirst()
			.orElseThrow();
		assertThat(y2024.subtract(services2024)).as("manufacturing investment").isEqualByComparingTo("33.6");
	}

	@Test
	void investmentByYearAndKindKeepsForeignCapitalInItsOwnCurrency() {
		List<Map<String, Object>> groups = this.graphQl.documentName("investment-by-year-kind")
			.execute()
			.path("investmentSummary")
			.entity(List.class)
			.get();
		assertThat(total(groups, 2024, "FOREIGN_DIRECT", "USD")).isEqualByComparingTo("1");
		assertThat(total(groups, 2024, "FIXED_ASSET", "CNY")).isEqualByComparingTo("43.1");
		assertThat(total(groups, 2023, "FIXED_ASSET", "CNY")).isEqualByComparingTo("34.48");
		assertThat(total(groups, 2024, "LOAN", "CNY")).isEqualByComparingTo("5");
		assertThat(groups).noneMatch((g) -> "FOREIGN_DIRECT".equals(g.get("kind"))
				&& "CNY".equals(((Map<?, ?>) g.get("total")).get("currency")));
	}

	@Test
	void fundsWithTheirPartnersAndWhatEachInvested() {
		var response = this.graphQl.documentName("funds").execute();
		List<Map<String, Object>> funds = response.path("funds.nodes").entity(List.class).get();
		BigDecimal size = funds.stream()
			.map((f) -> decimal(((Map<?, ?>) f.get("size")).get("amount")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(size).isGreaterThan(new BigDecimal("160"));
		List<Map<String, Object>> groups = response.path("investmentSummary").entity(List.class).get();
		assertThat(groups).hasSize(funds.size());
		List<Map<String, Object>> figures = query("{ funds(first: 50) { nodes { name invested { amount(unit: YI) } } } }",
				"funds.nodes");
		for (Map<String, Object> group : groups) {
			String name = (String) ((Map<?, ?>) group.get("fund")).get("name");
			Map<String, Object> fund = figures.stream().filter((f) -> name.equals(f.get("name"))).findFirst().orElseThrow();
			assertThat(decimal(((Map<?, ?>) group.get("total")).get("amount")))
				.isEqualByComparingTo(decimal(((Map<?, ?>) fund.get("invested")).get("amount")));
			assertThat((Integer) group.get("count")).isPositive();
		}
	}

	@Test
	void fortyTwoOfFiftyEightStalledProjectsClearedIn2024() {
		var response = this.graphQl.documentName("stalled-2024").execute();
		response.path("cleared.totalCount").entity(Integer.class).isEqualTo(42);
		response.path("stallSummary.listed").entity(Integer.class).isEqualTo(58);
		response.path("stallSummary.cleared").entity(Integer.class).isEqualTo(42);
		BigDecimal rate = response.path("stallSummary.clearanceRate").entity(BigDecimal.class).get();
		assertThat(rate).isEqualByComparingTo("0.7241").isGreaterThan(new BigDecimal("0.70"));
		response.path("cleared.nodes[*].stall.clearedOn").entityList(String.class).satisfies((dates) -> assertThat(dates)
			.hasSize(42)
			.allMatch((d) -> d.startsWith("2024-")));
	}

	@Test
	void theReportedIndicatorsOf2024AndTheTargetsOf2025WithLiveProgress() {
		var response = this.graphQl.documentName("zone-years").execute();
		List<Map<String, Object>> indicators = response.path("y2024.indicators").entity(List.class).get();
		assertThat(indicators).hasSize(14)
			.anySatisfy((i) -> assertThat(i).containsEntry("code", "FIXED_ASSET_INVESTMENT").containsEntry("unit", "亿元"));
		List<Map<String, Object>> targets = response.path("y2025.targets").entity(List.class).get();
		assertThat(targets).hasSize(11);
		Map<String, Map<String, Object>> byCode = new java.util.HashMap<>();
		targets.forEach((t) -> byCode.put((String) t.get("code"), t));
		assertTarget(byCode.get("PROJECTS_REGISTERED_3YI"), "18", "2", "0.1111");
		assertTarget(byCode.get("PROJECTS_REGISTERED_10YI"), "6", "1", "0.1667");
		assertTarget(byCode.get("PROJECTS_REGISTERED_50YI"), "1", "0", "0");
		assertTarget(byCode.get("STALLED_CLEARED"), "45", "4", "0.0889");
		assertThat(byCode.get("LEADING_INDUSTRY_OUTPUT_SHARE_CHANGE").get("actual")).isNull();
		assertThat(byCode.get("LEADING_INDUSTRY_OUTPUT_SHARE_CHANGE").get("progress")).isNull();
		// Every count agrees with the projects connection it summarizes.
		int started = query("{ projects(filter: { reached: { stage: STARTED, year: 2025 }, minTotalInvestment: { amount: 3, unit: YI } }) { totalCount } }",
				"projects.totalCount");
		assertThat(decimal(byCode.get("PROJECTS_STARTED_3YI").get("actual"))).isEqualByComparingTo(String.valueOf(started));
		assertThat(started).isPositive();
	}

	private static void assertTarget(Map<String, Object> target, String goal, String actual, String progress) {
		assertThat(decimal(target.get("target"))).isEqualByComparingTo(goal);
		assertThat(decimal(target.get("actual"))).as("%s actual", target.get("code")).isEqualByComparingTo(actual);
		assertThat(decimal(target.get("progress"))).as("%s progress", target.get("code")).isEqualByComparingTo(progress);
	}

	private static BigDecimal total(List<Map<String, Object>> groups, int year, String kind, String currency) {
		return groups.stream()
			.filter((g) -> (Integer) g.get("year") == year && kind.equals(g.get("kind"))
					&& currency.equals(((Map<?, ?>) g.get("total")).get("currency")))
			.map((g) -> decimal(((Map<?, ?>) g.get("total")).get("amount")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static BigDecimal decimal(Object number) {
		return new BigDecimal(number.toString());
	}

}
