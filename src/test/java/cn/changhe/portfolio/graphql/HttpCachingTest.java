package cn.changhe.portfolio.graphql;

import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers to GET can be cached: an ETag and a 304 for a matching {@code If-None-Match}, kept a
 * while by anyone for the public, by the client alone and checked each time for a token, never
 * with errors; and the same data is the same ETag, whatever is left of the budget.
 */
class HttpCachingTest extends ApiTest {

	private static final int YEAR = 2031;

	// language=GraphQL
	private static final String INDICATORS = "query($year: Int!) { zoneYear(year: $year) { year indicators { code value } } }";

	// language=GraphQL
	private static final String SET_INDICATOR = """
			mutation($input: SetIndicatorInput!) { setIndicator(input: $input) { indicator { id } userErrors { code } } }""";

	@Test
	void thePublicsAnswerIsKeptAWhileAndRevalidatedByItsEtagUntilTheDataChanges() {
		String etag = get(null, null).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "public, max-age=60")
			.expectHeader()
			.value("Vary", (vary) -> assertThat(vary).contains("Authorization"))
			.expectBody()
			.jsonPath("$.data.zoneYear.indicators")
			.isEmpty()
			.returnResult()
			.getResponseHeaders()
			.getETag();
		assertThat(etag).startsWith("\"");

		byte[] notModified = get(null, etag).expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals("ETag", etag)
			.expectHeader()
			.valueEquals("Cache-Control", "public, max-age=60")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(notModified).isNullOrEmpty();

		query(SET_INDICATOR, "setIndicator.userErrors", Map.of("input",
				Map.of("code", "HTTP_CACHE", "year", YEAR, "name", "缓存", "unit", "个", "value", "7")));
		String changed = get(null, etag).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.zoneYear.indicators[0].code")
			.isEqualTo("HTTP_CACHE")
			.returnResult()
			.getResponseHeaders()
			.getETag();
		assertThat(changed).isNotEqualTo(etag);
	}

	@Test
	void anAnswerToATokenIsPrivateAndTheBudgetLeftIsAHeaderNotTheBody() {
		WebTestClient.BodySpec<Map, ?> first = get("demo-analyst", null).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "private, no-cache")
			.expectHeader()
			.exists("Zone-Budget-Remaining")
			.expectBody(Map.class);
		Map<?, ?> body = first.returnResult().getResponseBody();
		assertThat(body).extracting("extensions.cost.throttleStatus").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKeys("maximumAvailable", "restoreRate")
			.doesNotContainKey("currentlyAvailable");
		String etag = first.returnResult().getResponseHeaders().getETag();
		get("demo-analyst", etag).expectStatus().isNotModified();
	}

	@Test
	void anAnswerWithErrorsIsNotStoredAndHasNoEtag() {
		this.http.get()
			.uri(GetTest.uri(Map.of("query", "{ zoneYear(year: 2024) { nothing } }")))
			.header("Authorization", "Bearer demo-analyst")
			.exchange()
			.expectHeader()
			.valueEquals("Cache-Control", "no-store")
			.expectHeader()
			.doesNotExist("ETag");
	}

	@Test
	void anAnswerToPostHasNoEtag() {
		this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", INDICATORS, "variables", Map.of("year", 2024)))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.OK)
			.expectHeader()
			.doesNotExist("ETag")
			.expectBody()
			.jsonPath("$.extensions.cost.throttleStatus.currentlyAvailable")
			.isNumber();
	}

	private WebTestClient.ResponseSpec get(String token, String ifNoneMatch) {
		WebTestClient.RequestHeadersSpec<?> request = this.http.get()
			.uri(GetTest.uri(Map.of("query", INDICATORS, "variables", "{\"year\": " + YEAR + "}")));
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		if (ifNoneMatch != null) {
			request = request.header("If-None-Match", ifNoneMatch);
		}
		return request.exchange();
	}

}
