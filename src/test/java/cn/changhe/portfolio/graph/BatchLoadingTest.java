package cn.changhe.portfolio.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.system.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relations load in batches: a request costs the same few statements whether it lists 2
 * parents or 50.
 */
class BatchLoadingTest extends ApiTest {

	@Autowired
	StatementCounter statements;

	@Test
	void nestedConnectionsCostTheSameStatementsForFiftyParentsAsForTwo() {
		// language=GraphQL
		IntFunction<String> query = (first) -> """
				{
				  enterprises(first: %d) {
				    nodes { projects(first: 10) { nodes { investments(first: 10) { nodes { amount { amount } } } } } }
				  }
				}""".formatted(first);
		long forTwo = statementsFor(query.apply(2));
		long forFifty = statementsFor(query.apply(50));
		// One for each level of the query (the client's token and budget are kept in memory).
		assertThat(forFifty).isEqualTo(forTwo).isEqualTo(3);
	}

	@Test
	void totalsAndToOneRelationsAddOneStatementEachWhateverTheSize() {
		// language=GraphQL
		IntFunction<String> query = (first) -> """
				{
				  enterprises(first: %d) {
				    totalCount
				    nodes {
				      sector { name }
				      qualifications { year }
				      projects(first: 10) {
				        totalCount
				        nodes { enterprise { name } milestones { stage } stall { category }
				                investments(first: 10) { totalCount nodes { fund { name } amount { amount } } } }
				      }
				    }
				  }
				}""".formatted(first);
		long forTwo = statementsFor(query.apply(2));
		long forFifty = statementsFor(query.apply(50));
		assertThat(forFifty).isEqualTo(forTwo).isLessThanOrEqualTo(13);
	}

	@Test
	void relationsUnderNodesByIdCostOneStatementALevelForAllTheNodes() {
		// language=GraphQL
		String query = """
				query($ids: [ID!]!) {
				  nodes(ids: $ids) {
				    ... on Sector { code enterprises(first: 5) { nodes { name projects(first: 3) {
				      nodes { name investments(first: 4) { nodes { amount { amount } fund { name } } } } } } } }
				    ... on Fund { name investments(first: 4) { nodes { amount { amount } fund { name } } } }
				  }
				}""";
		List<Object> sectors = query("{ sectors { id } }", "sectors[*].id");
		List<Object> funds = query("{ funds(first: 3) { nodes { id } } }", "funds.nodes[*].id");
		assertThat(sectors).hasSizeGreaterThan(5);
		List<Object> all = new ArrayList<>(sectors);
		all.addAll(funds);
		List<Map<String, Object>> nodes = query(query, "nodes", Map.of("ids", all));
		assertThat(nodes).hasSize(all.size());
		assertThat(nodes.toString()).as("fund names under the funds' investments").contains("fund={name=");
		long forTwo = statementsFor(query, Map.of("ids", List.of(sectors.get(0), funds.get(0))));
		long forAll = statementsFor(query, Map.of("ids", all));
		// the nodes (sectors and funds); the sectors' enterprises, their projects, the projects' and
		// the funds' investments; the investments' funds
		assertThat(forAll).isEqualTo(forTwo).isLessThanOrEqualTo(7);
	}

	@Test
	void moreParentsThanOneUnionHoldsGetTheSamePagesAsOneParentAlone() {
		// language=GraphQL
		String nested = """
				{ enterprises(first: 100) { nodes { projects(first: 3) { nodes { id investments(first: 2, orderBy: { field: AMOUNT, direction: DESC }) {
				    totalCount nodes { id } } } } } } }""";
		List<Map<String, Object>> projects = query(nested, "enterprises.nodes[*].projects.nodes[*]");
		assertThat(projects).as("more parents than one UNION ALL holds (50)").hasSizeGreaterThan(50);
		for (Map<String, Object> project : projects.subList(0, 5)) {
			Object alone = query("query($id: ID!) { node(id: $id) { ... on Project { investments(first: 2, orderBy: { field: AMOUNT, direction: DESC }) { totalCount nodes { id } } } } }",
					"node.investments", Map.of("id", project.get("id")));
			assertThat(project.get("investments")).isEqualTo(alone);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void projectsByTheirIdsComeWithTheirMilestonesInTheSameStatement() {
		// language=GraphQL
		String listing = "{ projects(first: 100) { nodes { id name stage milestones { stage reachedOn provenance { kind } } } } }";
		List<Map<String, Object>> listed = query(listing, "projects.nodes");
		List<Object> ids = listed.stream().map((project) -> project.get("id")).toList();
		assertThat(listed).as("projects").hasSizeGreaterThan(10)
			.as("a project with more than one milestone")
			.anyMatch((project) -> ((List<?>) project.get("milestones")).size() > 1);
		// language=GraphQL
		String byIds = """
				query($ids: [ID!]!) { nodes(ids: $ids) { ... on Project { id name stage
				  milestones { stage reachedOn provenance { kind } } } } }""";
		assertThat(this.<Object>query(byIds, "nodes", Map.of("ids", ids))).as("nodes(ids)").isEqualTo(listed);
		// language=GraphQL
		String byId = """
				query($id: ID!) { node(id: $id) { ... on Project { id name stage
				  milestones { stage reachedOn provenance { kind } } } } }""";
		for (Map<String, Object> project : listed.subList(0, 3)) {
			assertThat(this.<Object>query(byId, "node", Map.of("id", project.get("id")))).as("node(id)").isEqualTo(project);
		}

		String first = (String) ids.get(0);
		String node = "{ node(id: \"%s\") { ... on Project { name %s } } }";
		assertThat(statementsFor(node.formatted(first, "milestones { stage reachedOn }")))
			.as("with its milestones, as without them: the project's")
			.isEqualTo(statementsFor(node.formatted(first, "stage")))
			.isEqualTo(1);
		// A second selection of the milestones, under another name, loads them as before.
		Map<String, Object> twice = query(node.formatted(first, "milestones { stage } again: milestones { stage }"), "node");
		assertThat(twice.get("again")).isEqualTo(twice.get("milestones"))
			.isEqualTo(((List<Map<String, Object>>) listed.get(0).get("milestones")).stream()
				.map((milestone) -> Map.of("stage", milestone.get("stage")))
				.toList());
	}

	private long statementsFor(String document) {
		return statementsFor(document, Map.of());
	}

	private long statementsFor(String document, Map<String, Object> variables) {
		// parsed once, warms the document cache
		this.graphQl.document(document).variables(variables).execute().errors().verify();
		long before = this.statements.executed();
		this.graphQl.document(document).variables(variables).execute().errors().verify();
		return this.statements.executed() - before;
	}

}
