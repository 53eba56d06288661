package cn.changhe.portfolio.graphql;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries over GET, as GraphQL over HTTP defines them: the request's parts as URL parameters, a
 * mutation refused with 405 before anything of it runs, a parameter at fault named in a 400.
 */
class GetTest extends ApiTest {

	// language=GraphQL
	private static final String INDICATORS = """
			query Indicators($year: Int!) { zoneYear(year: $year) { year indicators { code value } } }
			query Sectors { sectors { code } }""";

	// language=GraphQL
	private static final String SET_INDICATOR = """
			mutation Set($input: SetIndicatorInput!) { setIndicator(input: $input) { indicator { id } userErrors { code } } }""";

	@Test
	void aQueryIsAnsweredOverGetAsOverPost() {
		Map<String, Object> variables = Map.of("year", 2024);
		Object overGet = get("demo-analyst", Map.of("query", INDICATORS, "operationName", "Indicators", "variables",
				"{\"year\": 2024}", "extensions", "{}"))
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("application/json")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("data");
		Object overPost = this.graphQl.document(INDICATORS)
			.operationName("Indicators")
			.variable("year", variables.get("year"))
			.execute()
			.path("")
			.entity(Map.class)
			.get();
		assertThat(overGet).isEqualTo(overPost);
		assertThat(overGet).extracting("zoneYear.year").isEqualTo(2024);
		assertThat(overGet).extracting("zoneYear.indicators").asList().isNotEmpty();
	}

	@Test
	void thePublicQueriesOverGetToo() {
		get(null, Map.of("query", "{ zoneYear(year: 2024) { year } }")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.zoneYear.year")
			.isEqualTo(2024);
	}

	@Test
	void aMutationOverGetIsRefusedWith405AndWritesNothing() {
		long indicators = count("zone_indicator");
		String input = "{\"input\": {\"code\": \"GET_TEST\", \"year\": 2024, \"name\": \"经 GET\", \"unit\": \"个\", \"value\": \"1\"}}";
		for (String accept : new String[] { "application/json", "application/graphql-response+json" }) {
			this.http.get()
				.uri(uri(Map.of("query", SET_INDICATOR, "variables", input)))
				.header("Authorization", "Bearer demo-admin")
				.header("Accept", accept)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
				.expectHeader()
				.valueEquals("Allow", "POST")
				.expectBody()
				.jsonPath("$.data")
				.doesNotExist()
				.jsonPath("$.errors[0].extensions.classification")
				.isEqualTo("METHOD_NOT_ALLOWED")
				.jsonPath("$.errors[0].message")
				.isEqualTo("A mutation is sent with POST: GET runs queries only.");
		}
		assertThat(count("zone_indicator")).isEqualTo(indicators);
		// the operation chosen by name decides: the query of a document that also holds a mutation runs
		get("demo-admin", Map.of("query", SET_INDICATOR + "\n" + INDICATORS, "operationName", "Sectors")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.sectors[0].code")
			.isNotEmpty();
		get("demo-admin", Map.of("query", SET_INDICATOR + "\n" + INDICATORS, "operationName", "Set")).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void aParameterAtFaultIsA400ThatNamesIt() {
		badRequest(Map.of(), "query", "The query parameter is missing: GET /graphql?query={…}.");
		badRequest(Map.of("query", "{ sectors { code } }", "variables", "{\"year\": "), "variables",
				"The variables parameter is not JSON");
		badRequest(Map.of("query", "{ sectors { code } }", "variables", "[2024]"), "variables",
				"The variables parameter must be a JSON object, {…}.");
		badRequest(Map.of("query", "{ sectors { code } }", "extensions", "\"persisted\""), "extensions",
				"The extensions parameter must be a JSON object, {…}.");
		this.http.get()
			.uri("/graphql?query={q}&query={q}", "{ sectors { code } }", "{ sectors { code } }")
			.header("Authorization", "Bearer demo-analyst")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("The query parameter is given 2 times: give it once.");
	}

	@Test
	void anInvalidDocumentIsA400ForGraphqlResponseJsonAnd200ForJson() {
		String broken = "{ sectors { code }";
		this.http.get()
			.uri(uri(Map.of("query", broken)))
			.header("Authorization", "Bearer demo-analyst")
			.header("Accept", "application/graphql-response+json")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("InvalidSyntax");
		get("demo-analyst", Map.of("query", broken)).expectStatus().isOk().expectBody().jsonPath("$.errors").isNotEmpty();
	}

	private void badRequest(Map<String, String> parameters, String parameter, String message) {
		get("demo-analyst", parameters).expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals("Cache-Control", "no-store")
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.errors[0].message")
			.value((String text) -> assertThat(text).startsWith(message));
	}

	private WebTestClient.ResponseSpec get(String token, Map<String, String> parameters) {
		WebTestClient.RequestHeadersSpec<?> request = this.http.get().uri(uri(parameters));
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		return request.exchange();
	}

	/** The endpoint's URL with these parameters, each value encoded strictly. */
	static Function<UriBuilder, URI> uri(Map<String, String> parameters) {
		return (uri) -> {
			uri.path("/graphql");
			parameters.keySet().forEach((name) -> uri.queryParam(name, "{" + name + "}"));
			return uri.build(parameters);
		};
	}

}
