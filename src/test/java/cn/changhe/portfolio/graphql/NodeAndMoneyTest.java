package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global ids round-trip through node(id); money converts between units exactly; a client's
 * mistake is a BAD_REQUEST that names the argument.
 */
class NodeAndMoneyTest extends ApiTest {

	@Test
	void anEnterpriseAProjectAndAFundComeBackByTheirIds() {
		// language=GraphQL
		String ids = """
				{
				  enterprises(first: 1) { nodes { id name } }
				  projects(first: 1) { nodes { id name } }
				  funds(first: 1) { nodes { id name } }
				}""";
		var listed = this.graphQl.document(ids).execute();
		for (String type : new String[] { "enterprises", "projects", "funds" }) {
			String id = listed.path(type + ".nodes[0].id").entity(String.class).get();
			String name = listed.path(type + ".nodes[0].name").entity(String.class).get();
			var node = this.graphQl.documentName("node").variable("id", id).execute();
			node.path("node.id").entity(String.class).isEqualTo(id);
			node.path("node.name").entity(String.class).isEqualTo(name);
		}
	}

	@Test
	void nodesAnswersInTheOrderAskedWithNullForUnknownIds() {
		String project = this.graphQl.document("{ projects(first: 1) { nodes { id } } }")
			.execute()
			.path("projects.nodes[0].id")
			.entity(String.class)
			.get();
		String sector = this.graphQl.document("{ sectors { id } }").execute().path("sectors[0].id").entity(String.class).get();
		String missing = GlobalId.encode("Project", 999_999_999L);
		var response = this.graphQl.document("query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }")
			.variable("ids", java.util.List.of(sector, missing, project))
			.execute();
		response.path("nodes[0].__typename").entity(String.class).isEqualTo("Sector");
		response.path("nodes[1]").valueIsNull();
		response.path("nodes[2].id").entity(String.class).isEqualTo(project);
	}

	@Test
	void aMalformedIdIsABadRequestNamingTheArgument() {
		this.graphQl.documentName("node")
			.variable("id", "not-an-id")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(errors.get(0).getMessage()).contains("`id`");
				assertThat(errors.get(0).getExtensions()).containsEntry("argument", "id");
			});
	}

	@Test
	void anIdOfTheWrongTypeInAFilterIsABadRequestNamingTheField() {
		String project = this.graphQl.document("{ projects(first: 1) { nodes { id } } }")
			.execute()
			.path("projects.nodes[0].id")
			.entity(String.class)
			.get();
		this.graphQl.document("query($id: ID!) { enterprises(filter: { sectorIds: [$id] }) { totalCount } }")
			.variable("id", project)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getMessage()).contains("filter.sectorIds").contains("Project").contains("Sector");
				assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
			});
	}

	@Test
	void pagesAreAtMostOneHundred() {
		refused(this.graphQl, "{ projects(first: 101) { nodes { id } } }", (errors) -> {
				assertThat(errors.get(0).getMessage()).contains("`first`").contains("100");
				assertThat(errors.get(0).getExtensions()).containsEntry("argument", "first");
			});
	}

	@Test
	void moneyConvertsExactlyBetweenYuanWanAndYi() {
		// language=GraphQL
		String query = """
				{
				  projects(filter: { minTotalInvestment: { amount: 10, unit: YI } }, first: 1) {
				    nodes {
				      yuan: totalInvestment { amount currency }
				      wan: totalInvestment { amount(unit: WAN) }
				      yi: totalInvestment { amount(unit: YI) }
				    }
				  }
				}""";
		var response = this.graphQl.document(query).execute();
		BigDecimal yuan = response.path("projects.nodes[0].yuan.amount").entity(BigDecimal.class).get();
		response.path("projects.nodes[0].yuan.currency").entity(String.class).isEqualTo("CNY");
		assertThat(yuan).isGreaterThanOrEqualTo(new BigDecimal("1000000000"));
		assertThat(response.path("projects.nodes[0].wan.amount").entity(BigDecimal.class).get())
			.isEqualByComparingTo(yuan.movePointLeft(4));
		assertThat(response.path("projects.nodes[0].yi.amount").entity(BigDecimal.class).get())
			.isEqualByComparingTo(yuan.movePointLeft(8));
	}

	@Test
	void minimumInvestmentFiltersInExactYuan() {
		// language=GraphQL
		String query = """
				{
				  yi: projects(filter: { minTotalInvestment: { amount: 3, unit: YI } }) { totalCount }
				  wan: projects(filter: { minTotalInvestment: { amount: 30000, unit: WAN } }) { totalCount }
				  yuan: projects(filter: { minTotalInvestment: { amount: 300000000 } }) { totalCount }
				  all: projects { totalCount }
				}""";
		var response = this.graphQl.document(query).execute();
		int yi = response.path("yi.totalCount").entity(Integer.class).get();
		response.path("wan.totalCount").entity(Integer.class).isEqualTo(yi);
		response.path("yuan.totalCount").entity(Integer.class).isEqualTo(yi);
		assertThat(response.path("all.totalCount").entity(Integer.class).get()).isGreaterThan(yi);
	}

}
