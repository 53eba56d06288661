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

	private long statementsFor(String document) {
		this.graphQl.document(document).execute().errors().verify(); // parsed once, warms the document cache
		long before = this.statements.executed();
		this.graphQl.document(document).execute().errors().verify();
		return this.statements.executed() - before;
	}

}
