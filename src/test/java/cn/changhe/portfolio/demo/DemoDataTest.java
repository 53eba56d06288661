package cn.changhe.portfolio.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.enterprise.Uscc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo dataset, read through the API, adds up to every count and total of the zone's 2024
 * report (DOMAIN.md).
 */
class DemoDataTest extends ApiTest {

	@Test
	void pipelineOf2024AsReported() {
		var response = this.graphQl.documentName("pipeline-2024").execute();
		response.path("registered.totalCount").entity(Integer.class).isEqualTo(18);
		response.path("registeredOver10.totalCount").entity(Integer.class).isEqualTo(6);
		response.path("started.totalCount").entity(Integer.class).isEqualTo(16);
		response.path("startedOver10.totalCount").entity(Integer.class).isEqualTo(5);
		response.path("completed.totalCount").entity(Integer.class).isEqualTo(10);
		response.path("newAboveSize.totalCount").entity(Integer.class).isEqualTo(8);
		response.path("provincialMajorStarted.totalCount").entity(Integer.class).isEqualTo(7);
	}

	@Test
	void allSevenProvincialMajorProjectsStartedIn2024() {
		// language=GraphQL
		String query = """
				{
				  all: projects(filter: { provincialMajor: true }) { totalCount }
				  started: projects(filter: { provincialMajor: true, reached: { stage: STARTED, year: 2024 } }) { totalCount }
				}""";
		var response = this.graphQl.document(query).execute();
		response.path("all.totalCount").entity(Integer.class).isEqualTo(7);
		response.path("started.totalCount").entity(Integer.class).isEqualTo(7);
	}

	@Test
	void fourProjectsOverThreeYiStartedOnReclaimedLandIn2024() {
		// language=GraphQL
		String query = """
				{
				  projects(filter: { reclaimedLand: true, reached: { stage: STARTED, year: 2024 },
				                     minTotalInvestment: { amount: 3, unit: YI } }) { totalCount }
				}""";
		this.graphQl.document(query).execute().path("projects.totalCount").entity(Integer.class).isEqualTo(4);
	}

	@Test
	void fortyTwoStalledProjectsClearedIn2024() {
		// language=GraphQL
		String query = """
				{
				  cleared: projects(filter: { stall: { clearedYear: 2024 } }, first: 50) {
				    totalCount
				    nodes { stall { clearedOn } }
				  }
				}""";
		var response = this.graphQl.document(query).execute();
		response.path("cleared.totalCount").entity(Integer.class).isEqualTo(42);
		response.path("cleared.nodes[*].stall.clearedOn")
			.entityList(String.class)
			.satisfies((dates) -> assertThat(dates).hasSize(42).allMatch((date) -> date.startsWith("2024-")));
	}

	@Test
	void enterprisesNewlyQualifiedIn2024AndTheLeadingIndustries() {
		var response = this.graphQl.documentName("enterprises-2024").execute();
		response.path("highTech.totalCount").entity(Integer.class).isEqualTo(14);
		response.path("techSme.totalCount").entity(Integer.class).isEqualTo(112);
		response.path("leading[*].code").entityList(String.class).containsExactly("NEV", "ROBOTICS_CNC");
		response.path("leading[0].name").entity(String.class).isEqualTo("新能源汽车及关键零部件");
		response.path("leading[1].name").entity(String.class).isEqualTo("仿生机器人及数控机床");
		response.path("leading[0].enterprises.nodes[*].name")
			.entityList(String.class)
			.contains("沪帆汽配", "九龙机械", "浙江鑫盛永磁科技股份有限公司");
		response.path("leading[1].enterprises.nodes[*].name").entityList(String.class).contains("创世纪数控", "桢正运动");
	}

	@Test
	void eightEmergingChainsOfWhichTwoLead() {
		// language=GraphQL
		String query = """
				{
				  emerging: sectors(emerging: true) { code leading }
				  leading: sectors(leading: true) { code emerging }
				}""";
		var response = this.graphQl.document(query).execute();
		response.path("emerging").entityList(Object.class).hasSize(8);
		response.path("leading[*].emerging").entityList(Boolean.class).containsExactly(true, true);
	}

	@Test
	void fixedAssetInvestmentOf2024Is43Point1YiAndOf2023Is34Point48Yi() {
		assertThat(total("FIXED_ASSET", 2024, "CNY")).isEqualByComparingTo("4310000000.00");
		assertThat(total("FIXED_ASSET", 2023, "CNY")).isEqualByComparingTo("3448000000.00");
	}

	@Test
	void foreignCapitalActuallyReceivedIn2024IsOneYiUsd() {
		assertThat(total("FOREIGN_DIRECT", 2024, "USD")).isEqualByComparingTo("100000000.00");
		assertThat(total("FOREIGN_DIRECT", 2024, "CNY")).isEqualByComparingTo("0");
	}

	@Test
	void fiveRetrofitReLoansOf2024DemandFiveYi() {
		assertThat(amounts("LOAN", 2024, "CNY")).hasSize(5);
		assertThat(total("LOAN", 2024, "CNY")).isEqualByComparingTo("500000000.00");
	}

	@Test
	void industryFundsTotalOver160YiAndCommitmentsAddUpToEachFund() {
		// language=GraphQL
		String query = """
				{
				  funds(first: 50) {
				    nodes { name size { amount(unit: YI) currency } commitments { committed { amount(unit: YI) } } }
				  }
				}""";
		var response = this.graphQl.document(query).execute();
		List<Map<String, Object>> funds = response.path("funds.nodes").entity(List.class).get();
		assertThat(funds).hasSizeGreaterThanOrEqualTo(5);
		BigDecimal total = BigDecimal.ZERO;
		for (Map<String, Object> fund : funds) {
			BigDecimal size = decimal(((Map<?, ?>) fund.get("size")).get("amount"));
			total = total.add(size);
			BigDecimal committed = ((List<?>) fund.get("commitments")).stream()
				.map((c) -> decimal(((Map<?, ?>) ((Map<?, ?>) c).get("committed")).get("amount")))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(committed).as("commitments to %s", fund.get("name")).isEqualByComparingTo(size);
		}
		assertThat(total).isEqualByComparingTo("163.5");
	}

	@Test
	void eachNamedPartnerCommitsToADifferentSetOfFunds() {
		// language=GraphQL
		String query = """
				{ investors(first: 50) { nodes { name commitments { fund { name } } } } }""";
		List<Map<String, Object>> investors = this.graphQl.document(query)
			.execute()
			.path("investors.nodes")
			.entity(List.class)
			.get();
		Map<String, List<String>> fundsOf = new java.util.HashMap<>();
		for (Map<String, Object> investor : investors) {
			List<String> names = ((List<?>) investor.get("commitments")).stream()
				.map((c) -> (String) ((Map<?, ?>) ((Map<?, ?>) c).get("fund")).get("name"))
				.sorted()
				.toList();
			fundsOf.put((String) investor.get("name"), names);
		}
		assertThat(fundsOf).containsKeys("毅达资本", "浙商创投", "中金资本");
		assertThat(fundsOf.get("毅达资本")).isNotEmpty().isNotEqualTo(fundsOf.get("浙商创投"));
		assertThat(fundsOf.get("浙商创投")).isNotEmpty().isNotEqualTo(fundsOf.get("中金资本"));
		assertThat(fundsOf.get("中金资本")).isNotEmpty().isNotEqualTo(fundsOf.get("毅达资本"));
	}

	@Test
	void talentAwardsOf2024AsReported() {
		var response = this.graphQl.documentName("talent-2024").execute();
		List<Map<String, Object>> programmes = response.path("talentProgrammes").entity(List.class).get();
		Map<String, Integer> awards = new java.util.HashMap<>();
		programmes.forEach((p) -> awards.put((String) p.get("name"),
				(Integer) ((Map<?, ?>) p.get("awards")).get("totalCount")));
		assertThat(awards).containsEntry("国家级高层次创业人才", 2)
			.containsEntry("高层次人才项目", 11)
			.containsEntry("南太湖精英计划", 2)
			.containsEntry("青创项目", 67);
	}

	@Test
	void indicatorsOf2024AsReported() {
		// language=GraphQL
		String query = """
				{ zoneYear(year: 2024) { indicators { code value unit yoyChangePct qualifier provenance { kind source } } } }""";
		List<Map<String, Object>> indicators = this.graphQl.document(query)
			.execute()
			.path("zoneYear.indicators")
			.entity(List.class)
			.get();
		Map<String, Map<String, Object>> byCode = new java.util.HashMap<>();
		indicators.forEach((i) -> byCode.put((String) i.get("code"), i));
		assertThat(byCode).hasSize(14);
		assertIndicator(byCode.get("INDUSTRIAL_OUTPUT"), "476", "亿元", "28.6");
		assertThat(byCode.get("INDUSTRIAL_OUTPUT").get("qualifier")).isEqualTo("ESTIMATED");
		assertIndicator(byCode.get("FIXED_ASSET_INVESTMENT"), "43.1", "亿元", "25");
		assertIndicator(byCode.get("MANUFACTURING_INVESTMENT"), "33.6", "亿元", "20");
		assertIndicator(byCode.get("FDI_UTILIZED"), "1", "亿美元", null);
		assertIndicator(byCode.get("RD_EXPENDITURE"), "8.9", "亿元", "15.7");
		assertIndicator(byCode.get("HIGH_TECH_ENTERPRISES_NEW"), "14", "家", null);
		assertIndicator(byCode.get("TECH_SMES_NEW"), "112", "家", null);
		assertIndicator(byCode.get("LAND_FREED"), "422", "亩", null);
		assertThat(byCode.get("INDUSTRIAL_VALUE_ADDED").get("value")).isNull();
		assertThat(decimal(byCode.get("INDUSTRIAL_VALUE_ADDED").get("yoyChangePct"))).isEqualByComparingTo("18");
		assertThat(byCode.get("INDUSTRY_FUND_SIZE").get("qualifier")).isEqualTo("MORE_THAN");
		assertThat(((Map<?, ?>) byCode.get("FIXED_ASSET_INVESTMENT").get("provenance")).get("kind")).isEqualTo("REPORTED");
	}

	@Test
	void everyEnterpriseHasAValidUnifiedSocialCreditCode() {
		List<String> codes = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			// language=GraphQL
			String query = """
					query Page($after: String) {
					  enterprises(first: 100, after: $after) { nodes { uscc } pageInfo { hasNextPage endCursor } }
					}""";
			var response = this.graphQl.document(query).variable("after", after).execute();
			codes.addAll(response.path("enterprises.nodes[*].uscc").entityList(String.class).get());
			more = response.path("enterprises.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = more ? response.path("enterprises.pageInfo.endCursor").entity(String.class).get() : null;
		}
		assertThat(codes).hasSizeGreaterThan(126).doesNotHaveDuplicates().allMatch(Uscc::isValid);
	}

	@Test
	void namedEnterprisesAreReportedAndTheirAwardsCarried() {
		// language=GraphQL
		String query = """
				{
				  enterprises(filter: { nameContains: "鑫盛永磁" }) {
				    nodes { name provenance { kind source } awards { name grade year } }
				  }
				}""";
		var response = this.graphQl.document(query).execute();
		response.path("enterprises.nodes[0].name").entity(String.class).isEqualTo("浙江鑫盛永磁科技股份有限公司");
		response.path("enterprises.nodes[0].provenance.kind").entity(String.class).isEqualTo("REPORTED");
		response.path("enterprises.nodes[0].provenance.source").entity(String.class).satisfies((s) -> assertThat(s).isNotBlank());
		response.path("enterprises.nodes[0].awards[0].grade").entity(String.class).isEqualTo("FIRST");
		response.path("enterprises.nodes[0].awards[0].year").entity(Integer.class).isEqualTo(2023);
	}

	private BigDecimal total(String kind, int year, String currency) {
		return amounts(kind, year, currency).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Every ledger amount of a kind, year and currency, paged through the whole connection. */
	private List<BigDecimal> amounts(String kind, int year, String currency) {
		List<BigDecimal> amounts = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			// language=GraphQL
			String query = """
					query Ledger($kind: InvestmentKind!, $year: Int!, $currency: String!, $after: String) {
					  investments(filter: { kind: [$kind], yearFrom: $year, yearTo: $year, currency: $currency },
					              first: 100, after: $after) {
					    nodes { amount { amount currency } }
					    pageInfo { hasNextPage endCursor }
					  }
					}""";
			var response = this.graphQl.document(query)
				.variable("kind", kind)
				.variable("year", year)
				.variable("currency", currency)
				.variable("after", after)
				.execute();
			amounts.addAll(response.path("investments.nodes[*].amount.amount").entityList(BigDecimal.class).get());
			more = response.path("investments.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = more ? response.path("investments.pageInfo.endCursor").entity(String.class).get() : null;
		}
		return amounts;
	}

	private static void assertIndicator(Map<String, Object> indicator, String value, String unit, String yoy) {
		assertThat(indicator).as("indicator").isNotNull();
		assertThat(decimal(indicator.get("value"))).as("%s value", indicator.get("code")).isEqualByComparingTo(value);
		assertThat(indicator.get("unit")).isEqualTo(unit);
		if (yoy == null) {
			assertThat(indicator.get("yoyChangePct")).isNull();
		}
		else {
			assertThat(decimal(indicator.get("yoyChangePct"))).isEqualByComparingTo(yoy);
		}
	}

	private static BigDecimal decimal(Object number) {
		return new BigDecimal(number.toString());
	}

}
