package cn.changhe.portfolio.graph;

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
		// One to find the client by its token, one for each level of the query (the budget's bookkeeping is apart).
		assertThat(forFifty).isEqualTo(forTwo).isEqualTo(4);
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
	void moreParentsThanOneUnionHoldsGetTheSamePagesAsOneParentAlone() {
		// language=GraphQL
		String nested = """
				{ enterprises(first: 100) { nodes { projects(first: 3) { nodes { id investments(first: 2, orderBy: { field: AMOUNT, direction: DESC }) {
				    totalCount nodes { id } } } } } } }""";
		java.util.List<java.util.Map<String, Object>> projects = query(nested, "enterprises.nodes[*].projects.nodes[*]");
		assertThat(projects).as("more parents than one UNION ALL holds (50)").hasSizeGreaterThan(50);
		for (java.util.Map<String, Object> project : projects.subList(0, 5)) {
			Object alone = query("query($id: ID!) { node(id: $id) { ... on Project { investments(first: 2, orderBy: { field: AMOUNT, direction: DESC }) { totalCount nodes { id } } } } }",
					"node.investments", java.util.Map.of("id", project.get("id")));
			assertThat(project.get("investments")).isEqualTo(alone);
		}
	}

	private long statementsFor(String document) {
		this.graphQl.document(document).execute().errors().verify(); // parsed once, warms the document cache
		long before = this.statements.executed();
		this.graphQl.document(document).execute().errors().verify();
		return this.statements.executed() - before;
	}

}
