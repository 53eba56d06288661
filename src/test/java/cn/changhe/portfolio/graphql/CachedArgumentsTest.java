package cn.changhe.portfolio.graphql;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arguments bound once per set of values are still bound per field and per value: equal arguments
 * of two fields bind to each field's own type, and other values to other questions.
 */
class CachedArgumentsTest extends ApiTest {

	@Test
	void equalArgumentsOfTwoFieldsBindToEachFieldsOwnType() {
		// language=GraphQL
		String document = """
				{
				  projects(first: 2) { nodes { __typename } }
				  enterprises(first: 2) { nodes { __typename } }
				}""";
		for (int i = 0; i < 2; i++) {
			assertThat(this.<List<Object>>query(document, "projects.nodes[*].__typename")).containsOnly("Project").hasSize(2);
			assertThat(this.<List<Object>>query(document, "enterprises.nodes[*].__typename")).containsOnly("Enterprise")
				.hasSize(2);
		}
	}

	@Test
	void otherValuesAreOtherQuestions() {
		// language=GraphQL
		String document = """
				query($first: Int, $groupBy: [InvestmentDimension!]!) {
				  projects(first: $first) { nodes { id } }
				  investmentSummary(groupBy: $groupBy) { year kind }
				}""";
		Map<String, Object> byYear = Map.of("first", 2, "groupBy", List.of("YEAR"));
		Map<String, Object> byKind = Map.of("first", 3, "groupBy", List.of("KIND"));
		List<Object> two = query(document, "projects.nodes[*].id", byYear);
		List<Object> three = query(document, "projects.nodes[*].id", byKind);
		assertThat(two).hasSize(2);
		assertThat(three).hasSize(3).startsWith(two.toArray());
		List<Map<String, Object>> years = query(document, "investmentSummary", byYear);
		List<Map<String, Object>> kinds = query(document, "investmentSummary", byKind);
		assertThat(years).isNotEmpty().allSatisfy((g) -> assertThat(g.get("year")).isNotNull())
			.allSatisfy((g) -> assertThat(g.get("kind")).isNull());
		assertThat(kinds).isNotEmpty().allSatisfy((g) -> assertThat(g.get("kind")).isNotNull())
			.allSatisfy((g) -> assertThat(g.get("year")).isNull());
	}

}
