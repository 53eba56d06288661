package cn.changhe.portfolio.security;

import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each limit with the attack it stops: all refused before they run, with classification TOO_COMPLEX.
 */
class LimitsTest extends ApiTest {

	@Test
	void aHugePageIsRefusedByItsCost() {
		tooComplex("{ enterprises(first: 100) { nodes { projects(first: 100000) { nodes { id } } } } }", "cost");
	}

	@Test
	void deepNestingIsRefused() {
		String deep = "{ funds { nodes { commitments { fund { commitments { fund { commitments { fund { commitments { fund "
				+ "{ commitments { fund { commitments { fund { name } } } } } } } } } } } } } } }";
		tooComplex(deep, "deep");
	}

	@Test
	void anAliasFloodIsRefused() {
		StringBuilder flood = new StringBuilder("{");
		for (int i = 0; i < 40; i++) {
			flood.append(" a").append(i).append(": sectors { code }");
		}
		tooComplex(flood.append(" }").toString(), "aliases");
	}

	@Test
	void aFragmentCycleIsRefused() {
		this.graphQl.document("""
				{ funds { ...A } }
				fragment A on FundConnection { nodes { ...B } }
				fragment B on Fund { commitments { fund { ...B } } }""")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty()
				.allSatisfy((e) -> assertThat(e.getErrorType().toString()).isEqualTo("ValidationError")));
	}

	@Test
	void aMegabyteDocumentIsRefused() {
		String padding = " ".repeat(1_000_000);
		this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ sectors { code } " + padding + "}"))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("TOO_COMPLEX");
		String long20k = "{ sectors { code } " + "#".repeat(25_000) + "\n}";
		this.graphQl.document(long20k).execute().errors().satisfy((errors) -> {
			assertThat(errors.get(0).getMessage()).contains("characters long");
			assertThat(errors.get(0).getErrorType().toString()).isEqualTo("TOO_COMPLEX");
		});
	}

	@Test
	void aBatchOfOperationsIsRefused() {
		this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.header("Content-Type", "application/json")
			.bodyValue("[{\"query\":\"{ sectors { code } }\"},{\"query\":\"{ sectors { code } }\"}]")
			.exchange()
			.expectStatus()
			.is4xxClientError();
	}

	@Test
	void everyResponseCarriesItsCost() {
		this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ enterprises(first: 10) { nodes { name } } }"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			// 10 rows, each costing its nodes field and its name.
			.jsonPath("$.extensions.cost.requestedQueryCost")
			.isEqualTo(30)
			.jsonPath("$.extensions.cost.throttleStatus.maximumAvailable")
			.isEqualTo(1_000_000)
			.jsonPath("$.extensions.cost.throttleStatus.restoreRate")
			.isEqualTo(50_000)
			.jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
			.value((Number available) -> assertThat(available.longValue()).isLessThan(1_000_000L));
	}

}
