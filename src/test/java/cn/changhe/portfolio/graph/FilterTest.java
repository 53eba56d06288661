package cn.changhe.portfolio.graph;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every filter narrows to the rows it names, and filters compose with AND.
 */
class FilterTest extends ApiTest {

	@Test
	void leadingAndEmergingSplitTheProjectsAndEnterprises() {
		// language=GraphQL
		String query = """
				{
				  all: projects { totalCount }
				  leading: projects(filter: { leading: true }) { totalCount nodes { sector { leading } } }
				  notLeading: projects(filter: { leading: false }) { totalCount }
				  emerging: projects(filter: { emerging: true }) { totalCount }
				  notEmerging: projects(filter: { emerging: false }) { totalCount }
				  leadingNotEmerging: projects(filter: { leading: true, emerging: false }) { totalCount }
				  enterprises { totalCount }
				  leadingEnterprises: enterprises(filter: { leading: true }) { totalCount }
				  otherEnterprises: enterprises(filter: { leading: false }) { totalCount }
				}""";
		int all = query(query, "all.totalCount");
		int leading = query(query, "leading.totalCount");
		assertThat(leading + (int) query(query, "notLeading.totalCount")).isEqualTo(all);
		assertThat((int) query(query, "emerging.totalCount") + (int) query(query, "notEmerging.totalCount")).isEqualTo(all);
		assertThat(leading).isPositive().isLessThan(all);
		assertThat((int) query(query, "leadingNotEmerging.totalCount")).isZero();
		List<Boolean> flags = query(query, "leading.nodes[*].sector.leading");
		assertThat(flags).isNotEmpty().containsOnly(true);
		assertThat((int) query(query, "leadingEnterprises.totalCount") + (int) query(query, "otherEnterprises.totalCount"))
			.isEqualTo((int) query(query, "enterprises.totalCount"));
	}

	@Test
	void projectsBetweenTwoAmountsInTheirCurrentStages() {
		// language=GraphQL
		String query = """
				{
				  projects(filter: { minTotalInvestment: { amount: 3, unit: YI }, maxTotalInvestment: { amount: 10, unit: YI },
				                     stage: [STARTED, COMPLETED] }, first: 100) {
				    totalCount nodes { stage totalInvestment { amount(unit: YI) } }
				  }
				}""";
		List<Map<String, Object>> nodes = query(query, "projects.nodes");
		assertThat(nodes).isNotEmpty().hasSize((int) query(query, "projects.totalCount"));
		nodes.forEach((n) -> {
			assertThat(n.get("stage")).isIn("STARTED", "COMPLETED");
			double yi = Double.parseDouble(((Map<?, ?>) n.get("totalInvestment")).get("amount").toString());
			assertThat(yi).isBetween(3.0, 10.0);
		});
		Integer expected = this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM project WHERE total_investment BETWEEN 300000000 AND 1000000000
				AND stage IN ('STARTED', 'COMPLETED')""", Integer.class);
		assertThat(nodes).hasSize(expected);
	}

	@Test
	void projectsOfAnEnterpriseOfASectorAndByName() {
		String enterprise = idOf("enterprises", "浙江杭轴科技有限公司");
		// language=GraphQL
		String query = """
				query($enterprise: ID!) {
				  ofEnterprise: projects(filter: { enterpriseIds: [$enterprise] }) { nodes { name stage enterprise { id } } }
				  byName: projects(filter: { nameContains: "杭轴高端精密轴承" }) { nodes { name milestones { stage reachedOn } } }
				}""";
		List<String> names = query(query, "ofEnterprise.nodes[*].name", Map.of("enterprise", enterprise));
		assertThat(names).contains("杭轴高端精密轴承智能制造项目");
		List<Map<String, Object>> byName = query(query, "byName.nodes", Map.of("enterprise", enterprise));
		assertThat(byName).hasSize(1);
		assertThat((List<Map<String, Object>>) byName.get(0).get("milestones"))
			.anySatisfy((m) -> assertThat(m).containsEntry("stage", "STARTED").containsEntry("reachedOn", "2025-01-06"));
		String sector = query("{ sectors(leading: true) { id } }", "sectors[0].id");
		List<String> sectors = query("query($s: ID!) { projects(filter: { sectorIds: [$s] }, first: 100) { nodes { sector { id } } } }",
				"projects.nodes[*].sector.id", Map.of("s", sector));
		assertThat(sectors).isNotEmpty().containsOnly(sector);
	}

	@Test
	void theStallListNowAndByCategory() {
		// language=GraphQL
		String query = """
				{
				  open: projects(filter: { stall: { listed: true } }, first: 100) { totalCount nodes { stall { clearedOn } } }
				  belowCapacity: projects(filter: { stall: { category: PRODUCING_BELOW_CAPACITY, clearedYear: 2024 } }, first: 100) {
				    nodes { name stall { category } }
				  }
				  reclaimed: projects(filter: { reclaimedLand: true }) { totalCount }
				}""";
		Integer open = this.jdbc.queryForObject(
				"SELECT COUNT(DISTINCT project_id) FROM project_stall WHERE cleared_on IS NULL", Integer.class);
		assertThat((int) query(query, "open.totalCount")).isEqualTo(open).isPositive();
		List<Object> cleared = query(query, "open.nodes[*].stall.clearedOn");
		assertThat(cleared).containsOnlyNulls();
		List<String> names = query(query, "belowCapacity.nodes[*].name");
		assertThat(names).contains("布镭德硬质合金刀具智能制造项目");
		assertThat((int) query(query, "reclaimed.totalCount")).isEqualTo(5);
	}

	@Test
	void updatedSinceWithOrderingByUpdatedAtIsAnIncrementalPull() {
		List<Long> touched = this.jdbc.queryForList("SELECT id FROM project ORDER BY id LIMIT 3", Long.class);
		touched.forEach((id) -> this.jdbc.update("UPDATE project SET updated_at = ? WHERE id = ?",
				java.time.LocalDateTime.of(2026, 1, 1, 0, 0, touched.indexOf(id)), id));
		// language=GraphQL
		String query = """
				query($since: DateTime!) {
				  projects(filter: { updatedSince: $since }, orderBy: { field: UPDATED_AT }) { totalCount nodes { updatedAt } }
				}""";
		List<String> times = query(query, "projects.nodes[*].updatedAt", Map.of("since", "2025-12-31T23:00:00Z"));
		assertThat(times).containsExactly("2026-01-01T00:00:00.000Z", "2026-01-01T00:00:01.000Z", "2026-01-01T00:00:02.000Z");
		// The same instant in Beijing time; and an hour later, after the changes.
		assertThat((int) query(query, "projects.totalCount", Map.of("since", "2026-01-01T07:00:00+08:00"))).isEqualTo(3);
		assertThat((int) query(query, "projects.totalCount", Map.of("since", "2026-01-01T09:00:00+08:00"))).isZero();
	}

	@Test
	void enterprisesByCodeAndBySector() {
		String code = query("{ enterprises(filter: { nameContains: \"奥氏环境\" }) { nodes { uscc } } }",
				"enterprises.nodes[0].uscc");
		List<String> names = query("query($c: String!) { enterprises(filter: { uscc: $c }) { nodes { name } } }",
				"enterprises.nodes[*].name", Map.of("c", code));
		assertThat(names).containsExactly("奥氏环境");
		String sector = query("{ sectors(leading: true) { id } }", "sectors[1].id");
		List<String> sectors = query(
				"query($s: ID!) { enterprises(filter: { sectorIds: [$s], qualification: TECH_SME }, first: 100) { nodes { sector { id } qualifications { qualification } } } }",
				"enterprises.nodes[*].sector.id", Map.of("s", sector));
		assertThat(sectors).isNotEmpty().containsOnly(sector);
	}

	@Test
	void fundsOfAnInvestorOfAManagerOfASectorAndOfAVintage() {
		String cicc = idOf("investors", "中金资本");
		// language=GraphQL
		String query = """
				query($investor: ID!) {
				  committed: funds(filter: { investorIds: [$investor] }) { nodes { name } }
				  managed: funds(filter: { managerIds: [$investor] }) { nodes { name } }
				  recent: funds(filter: { vintageYearFrom: 2023 }, orderBy: { field: VINTAGE_YEAR }) { nodes { vintageYear } }
				  bySize: funds(orderBy: { field: SIZE, direction: DESC }, first: 1) { nodes { name size { amount(unit: YI) } } }
				}""";
		Map<String, Object> variables = Map.of("investor", cicc);
		List<String> committed = query(query, "committed.nodes[*].name", variables);
		assertThat(committed).containsExactly("中金长合高端装备产业基金");
		List<String> managed = query(query, "managed.nodes[*].name", variables);
		assertThat(managed).containsExactly("中金长合高端装备产业基金");
		List<Integer> vintages = query(query, "recent.nodes[*].vintageYear", variables);
		assertThat(vintages).isNotEmpty().isSorted().allMatch((y) -> y >= 2023);
		List<String> largest = query(query, "bySize.nodes[*].name", variables);
		assertThat(largest).containsExactly("中金长合高端装备产业基金");
		String nev = query("{ sectors(leading: true) { id } }", "sectors[0].id");
		List<String> focus = query("query($s: ID!) { funds(filter: { sectorIds: [$s] }) { nodes { focusSectors { id } } } }",
				"funds.nodes[*].focusSectors[*].id", Map.of("s", nev));
		assertThat(focus).contains(nev);
	}

	@Test
	void ledgerRowsOfAFundAndOfAKindAndYear() {
		String fund = idOf("funds", "中金长合高端装备产业基金");
		// language=GraphQL
		String query = """
				query($fund: ID!) {
				  investments(filter: { fundIds: [$fund], kind: [FUND_EQUITY] }, orderBy: { field: AMOUNT, direction: DESC }, first: 100) {
				    totalCount nodes { kind fund { id } amount { amount } year }
				  }
				  none: investments(filter: { fundIds: [$fund], kind: [FIXED_ASSET] }) { totalCount }
				}""";
		List<Map<String, Object>> rows = query(query, "investments.nodes", Map.of("fund", fund));
		assertThat(rows).isNotEmpty();
		rows.forEach((r) -> assertThat(((Map<?, ?>) r.get("fund")).get("id")).isEqualTo(fund));
		assertThat((int) query(query, "none.totalCount", Map.of("fund", fund))).isZero();
	}

	@Test
	void talentAwardsOfAProgrammeInAYear() {
		List<String> youthIds = query("{ talentProgrammes { id code } }", "talentProgrammes[?(@.code == 'YOUTH_ENTREPRENEURSHIP')].id");
		String youth = youthIds.get(0);
		// language=GraphQL
		String query = """
				query($p: ID!) {
				  talentAwards(filter: { programmeIds: [$p], yearFrom: 2024, yearTo: 2024 }) { totalCount }
				  earlier: talentAwards(filter: { programmeIds: [$p], yearTo: 2023 }) { totalCount }
				  all: talentAwards(filter: { programmeIds: [$p] }) { totalCount }
				}""";
		Map<String, Object> variables = Map.of("p", youth);
		assertThat((int) query(query, "talentAwards.totalCount", variables)).isEqualTo(67);
		assertThat((int) query(query, "earlier.totalCount", variables) + 67).isEqualTo((int) query(query, "all.totalCount", variables));
	}

	@Test
	void aYearOutOfRangeIsABadRequestNamingTheField() {
		refused(this.graphQl, "{ projects(filter: { reached: { stage: STARTED, year: 20240 } }) { totalCount } }",
				(errors) -> {
				assertThat(errors.get(0).getMessage()).contains("filter.reached.year");
				assertThat(errors.get(0).getExtensions()).containsEntry("argument", "filter.reached.year");
			});
	}

}
