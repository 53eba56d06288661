package cn.changhe.portfolio.graph;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.graphql.GlobalId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relation a user walks, walked both ways on the demo data: what one side lists, the other
 * side points back to.
 */
class RelationsTest extends ApiTest {

	@Test
	void aSectorListsItsEnterprisesAndProjectsAndEachPointsBack() {
		// language=GraphQL
		String query = """
				{
				  sectors(leading: true) {
				    id code
				    enterprises(first: 100) { totalCount nodes { sector { id } } }
				    projects(first: 100) { totalCount nodes { sector { id } enterprise { sector { code } } } }
				  }
				}""";
		List<Map<String, Object>> sectors = query(query, "sectors");
		assertThat(sectors).hasSize(2);
		for (Map<String, Object> sector : sectors) {
			List<String> enterpriseSectors = query(query, "sectors[?(@.code == '" + sector.get("code")
					+ "')].enterprises.nodes[*].sector.id");
			assertThat(enterpriseSectors).isNotEmpty().containsOnly((String) sector.get("id"));
			List<String> projectSectors = query(query, "sectors[?(@.code == '" + sector.get("code")
					+ "')].projects.nodes[*].sector.id");
			assertThat(projectSectors).isNotEmpty().containsOnly((String) sector.get("id"));
		}
	}

	@Test
	void theProjectsOfAllSectorsAreAllTheProjects() {
		// language=GraphQL
		String query = """
				{ all: projects { totalCount } sectors { projects { totalCount } enterprises { totalCount } }
				  enterprises { totalCount } }""";
		int all = query(query, "all.totalCount");
		List<Integer> perSector = query(query, "sectors[*].projects.totalCount");
		assertThat(perSector.stream().mapToInt(Integer::intValue).sum()).isEqualTo(all);
		int enterprises = query(query, "enterprises.totalCount");
		List<Integer> enterprisesPerSector = query(query, "sectors[*].enterprises.totalCount");
		assertThat(enterprisesPerSector.stream().mapToInt(Integer::intValue).sum()).isEqualTo(enterprises);
	}

	@Test
	void anEnterpriseListsItsProjectsAndEachProjectPointsBack() {
		String enterprise = idOf("enterprises", "浙江布镭德工具有限公司");
		// language=GraphQL
		String query = """
				query($id: ID!) {
				  node(id: $id) {
				    ... on Enterprise {
				      name
				      projects { totalCount nodes { name enterprise { id } stage stall { category listedOn clearedOn } } }
				    }
				  }
				}""";
		Map<String, Object> node = query(query, "node", Map.of("id", enterprise));
		List<String> backToEnterprise = query(query, "node.projects.nodes[*].enterprise.id", Map.of("id", enterprise));
		assertThat(backToEnterprise).isNotEmpty().containsOnly(enterprise);
		assertThat(node.get("name")).isEqualTo("浙江布镭德工具有限公司");
		List<Map<String, Object>> projects = query(query, "node.projects.nodes", Map.of("id", enterprise));
		Map<String, Object> project = projects.stream()
			.filter((p) -> "布镭德硬质合金刀具智能制造项目".equals(p.get("name")))
			.findFirst()
			.orElseThrow();
		assertThat(project.get("stage")).isEqualTo("ABOVE_SIZE");
		assertThat((Map<String, Object>) project.get("stall")).containsEntry("category", "PRODUCING_BELOW_CAPACITY")
			.containsEntry("listedOn", "2024-01-20")
			.containsEntry("clearedOn", "2024-09-30");
	}

	@Test
	void aProjectsMilestonesAreInStageOrderAndItsStageIsTheLatest() {
		// language=GraphQL
		String query = """
				{ projects(first: 100) { nodes { stage milestones { stage reachedOn } } } }""";
		List<Map<String, Object>> projects = query(query, "projects.nodes");
		List<String> order = List.of("SIGNED", "REGISTERED", "STARTED", "COMPLETED", "IN_PRODUCTION", "ABOVE_SIZE");
		for (Map<String, Object> project : projects) {
			List<Map<String, String>> milestones = (List<Map<String, String>>) project.get("milestones");
			assertThat(milestones).isNotEmpty();
			for (int i = 1; i < milestones.size(); i++) {
				assertThat(order.indexOf(milestones.get(i).get("stage")))
					.isGreaterThan(order.indexOf(milestones.get(i - 1).get("stage")));
				assertThat(milestones.get(i).get("reachedOn")).isGreaterThanOrEqualTo(milestones.get(i - 1).get("reachedOn"));
			}
			assertThat(project.get("stage")).isEqualTo(milestones.get(milestones.size() - 1).get("stage"));
		}
	}

	@Test
	void aProjectsInvestmentsPointBackToIt() {
		// language=GraphQL
		String query = """
				{ projects(filter: { minTotalInvestment: { amount: 10, unit: YI } }, first: 20) {
				    nodes { id investments(first: 100) { totalCount nodes { project { id } kind } } } } }""";
		List<Map<String, Object>> projects = query(query, "projects.nodes");
		int withInvestments = 0;
		for (Map<String, Object> project : projects) {
			Map<String, Object> investments = (Map<String, Object>) project.get("investments");
			List<Map<String, Object>> nodes = (List<Map<String, Object>>) investments.get("nodes");
			assertThat(nodes).hasSize((Integer) investments.get("totalCount"));
			nodes.forEach((i) -> assertThat(((Map<?, ?>) i.get("project")).get("id")).isEqualTo(project.get("id")));
			withInvestments += nodes.isEmpty() ? 0 : 1;
		}
		assertThat(withInvestments).isGreaterThan(0);
	}

	@Test
	void aNestedRelationBindsItsArgumentsPerPlaceInTheDocument() {
		// the same relation twice under every project, with different arguments: each place keeps its own
		// language=GraphQL
		String query = """
				{ projects(filter: { minTotalInvestment: { amount: 3, unit: YI } }, first: 10) {
				    nodes { id
				      fixedAssets: investments(first: 50, filter: { kind: [FIXED_ASSET] }) { totalCount nodes { kind } }
				      all: investments(first: 50) { totalCount } } } }""";
		List<Map<String, Object>> projects = query(query, "projects.nodes");
		assertThat(projects).hasSize(10);
		long fixedAssets = 0;
		long all = 0;
		for (Map<String, Object> project : projects) {
			Map<String, Object> fixed = (Map<String, Object>) project.get("fixedAssets");
			((List<Map<String, Object>>) fixed.get("nodes")).forEach((i) -> assertThat(i.get("kind")).isEqualTo("FIXED_ASSET"));
			long key = GlobalId.keyOf((String) project.get("id"), "Project", "id");
			assertThat(((Number) fixed.get("totalCount")).longValue()).isEqualTo(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM investment WHERE project_id = ? AND kind = 'FIXED_ASSET' AND deleted_at IS NULL",
					Long.class, key));
			fixedAssets += ((Number) fixed.get("totalCount")).longValue();
			all += ((Number) ((Map<String, Object>) project.get("all")).get("totalCount")).longValue();
		}
		assertThat(fixedAssets).isPositive().isLessThan(all);
		// a bad cursor on a nested relation is refused naming the argument, as at the root
		refused(this.graphQl, "{ projects(first: 2) { nodes { investments(first: 2, after: \"nonsense\") { totalCount } } } }",
				(errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getMessage()).contains("`after` is not a cursor");
				assertThat(errors.get(0).getPath()).contains("investments");
			});
	}

	@Test
	void aFundsPortfolioEnterprisesHaveFundInvestmentsFromIt() {
		// language=GraphQL
		String query = """
				{
				  funds(first: 10) {
				    nodes {
				      id name
				      investments(first: 100) { totalCount nodes { kind enterprise { id } fund { id } } }
				      portfolioEnterprises(first: 40) {
				        totalCount
				        nodes { id fundInvestments(first: 20) { nodes { fund { id } } } }
				      }
				    }
				  }
				}""";
		List<Map<String, Object>> funds = query(query, "funds.nodes");
		assertThat(funds).hasSize(6);
		for (Map<String, Object> fund : funds) {
			Map<String, Object> investments = (Map<String, Object>) fund.get("investments");
			List<Map<String, Object>> rows = (List<Map<String, Object>>) investments.get("nodes");
			assertThat(rows).as("investments of %s", fund.get("name")).isNotEmpty();
			rows.forEach((row) -> {
				assertThat(row.get("kind")).isEqualTo("FUND_EQUITY");
				assertThat(((Map<?, ?>) row.get("fund")).get("id")).isEqualTo(fund.get("id"));
			});
			List<Object> invested = rows.stream().map((row) -> (Object) ((Map<?, ?>) row.get("enterprise")).get("id")).distinct().toList();
			List<Map<String, Object>> portfolio = (List<Map<String, Object>>) ((Map<?, ?>) fund.get("portfolioEnterprises"))
				.get("nodes");
			assertThat(portfolio.stream().map((e) -> e.get("id")).toList()).containsExactlyInAnyOrderElementsOf(invested);
			for (Map<String, Object> enterprise : portfolio) {
				List<Map<String, Object>> fromFunds = (List<Map<String, Object>>) ((Map<?, ?>) enterprise
					.get("fundInvestments")).get("nodes");
				assertThat(fromFunds.stream().map((i) -> (Object) ((Map<?, ?>) i.get("fund")).get("id"))).contains(fund.get("id"));
			}
		}
	}

	@Test
	void anInvestorsFundsAreTheFundsItCommittedTo() {
		// language=GraphQL
		String query = """
				{
				  investors(first: 50) {
				    nodes {
				      id name
				      commitments { investor { id } fund { id } }
				      funds(first: 50) { totalCount nodes { id commitments { investor { id } } } }
				      managedFunds(first: 50) { nodes { manager { id } } }
				    }
				  }
				}""";
		List<Map<String, Object>> investors = query(query, "investors.nodes");
		assertThat(investors).hasSize(7);
		for (Map<String, Object> investor : investors) {
			List<Map<String, Object>> commitments = (List<Map<String, Object>>) investor.get("commitments");
			commitments.forEach((c) -> assertThat(((Map<?, ?>) c.get("investor")).get("id")).isEqualTo(investor.get("id")));
			List<Object> committedFunds = commitments.stream().map((c) -> (Object) ((Map<?, ?>) c.get("fund")).get("id")).toList();
			Map<String, Object> funds = (Map<String, Object>) investor.get("funds");
			List<Map<String, Object>> fundNodes = (List<Map<String, Object>>) funds.get("nodes");
			assertThat(fundNodes.stream().map((f) -> f.get("id")).toList()).containsExactlyInAnyOrderElementsOf(committedFunds);
			assertThat(funds.get("totalCount")).isEqualTo(committedFunds.size());
			for (Map<String, Object> fund : fundNodes) {
				assertThat(((List<Map<String, Object>>) fund.get("commitments")).stream()
					.map((c) -> (Object) ((Map<?, ?>) c.get("investor")).get("id"))).contains(investor.get("id"));
			}
			List<Map<String, Object>> managed = (List<Map<String, Object>>) ((Map<?, ?>) investor.get("managedFunds"))
				.get("nodes");
			managed.forEach((f) -> assertThat(((Map<?, ?>) f.get("manager")).get("id")).isEqualTo(investor.get("id")));
		}
		List<Integer> managedCounts = query("{ funds(first: 50) { nodes { manager { id } } } }", "funds.nodes[*].manager.id");
		assertThat(managedCounts).hasSize(6);
	}

	@Test
	void aFundsFocusSectorsListTheFund() {
		// language=GraphQL
		String query = """
				{ funds(first: 50) { nodes { id focusSectors { id funds(first: 50) { nodes { id } } } } } }""";
		List<Map<String, Object>> funds = query(query, "funds.nodes");
		for (Map<String, Object> fund : funds) {
			List<Map<String, Object>> sectors = (List<Map<String, Object>>) fund.get("focusSectors");
			assertThat(sectors).isNotEmpty();
			sectors.forEach((sector) -> assertThat(((List<Map<String, Object>>) ((Map<?, ?>) sector.get("funds")).get("nodes"))
				.stream()
				.map((f) -> f.get("id"))).contains(fund.get("id")));
		}
	}

	@Test
	void aProgrammesAwardsPointBackAndAwardsReachTheirEnterprises() {
		// language=GraphQL
		String query = """
				{
				  talentProgrammes {
				    id code level
				    awards(year: 2024, first: 100) {
				      totalCount
				      nodes { id year programme { id } enterprise { id talentAwards(first: 100) { nodes { id } } } }
				    }
				  }
				}""";
		List<Map<String, Object>> programmes = query(query, "talentProgrammes");
		assertThat(programmes).hasSize(4);
		for (Map<String, Object> programme : programmes) {
			Map<String, Object> awards = (Map<String, Object>) programme.get("awards");
			List<Map<String, Object>> nodes = (List<Map<String, Object>>) awards.get("nodes");
			assertThat(nodes).hasSize((Integer) awards.get("totalCount"));
			for (Map<String, Object> award : nodes) {
				assertThat(award.get("year")).isEqualTo(2024);
				assertThat(((Map<?, ?>) award.get("programme")).get("id")).isEqualTo(programme.get("id"));
				Map<String, Object> enterprise = (Map<String, Object>) award.get("enterprise");
				if (enterprise != null) {
					assertThat(((List<Map<String, Object>>) ((Map<?, ?>) enterprise.get("talentAwards")).get("nodes")).stream()
						.map((a) -> a.get("id"))).contains(award.get("id"));
				}
			}
		}
		List<Integer> youth = query(query, "talentProgrammes[?(@.code == 'YOUTH_ENTREPRENEURSHIP')].awards.totalCount");
		assertThat(youth).containsExactly(67);
	}

	@Test
	void aSectorsInvestmentsCountTowardsIt() {
		// language=GraphQL
		String query = """
				{ sectors { id investments(first: 100, filter: { yearFrom: 2024, yearTo: 2024 }) { nodes { sector { id } } } } }""";
		List<Map<String, Object>> sectors = query(query, "sectors");
		for (Map<String, Object> sector : sectors) {
			List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<?, ?>) sector.get("investments")).get("nodes");
			rows.forEach((row) -> assertThat(((Map<?, ?>) row.get("sector")).get("id")).isEqualTo(sector.get("id")));
		}
	}

	@Test
	void everyKindOfObjectComesBackThroughNode() {
		// language=GraphQL
		String ids = """
				{
				  sectors { id }
				  enterprises(first: 1) { nodes { id } }
				  projects(first: 1) { nodes { id } }
				  investments(first: 1) { nodes { id } }
				  funds(first: 1) { nodes { id commitments { id } } }
				  investors(first: 1) { nodes { id } }
				  talentProgrammes { id awards(first: 1) { nodes { id } } }
				  zoneYear(year: 2024) { indicators { id } }
				}""";
		List<String> all = new java.util.ArrayList<>();
		for (String path : List.of("sectors[0].id", "enterprises.nodes[0].id", "projects.nodes[0].id",
				"investments.nodes[0].id", "funds.nodes[0].id", "funds.nodes[0].commitments[0].id",
				"investors.nodes[0].id", "talentProgrammes[0].id", "talentProgrammes[0].awards.nodes[0].id",
				"zoneYear.indicators[0].id")) {
			all.add(query(ids, path));
		}
		List<String> types = query("query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }", "nodes[*].__typename",
				Map.of("ids", all));
		assertThat(types).containsExactly("Sector", "Enterprise", "Project", "Investment", "Fund", "Commitment",
				"Investor", "TalentProgramme", "TalentAward", "Indicator");
	}

}
