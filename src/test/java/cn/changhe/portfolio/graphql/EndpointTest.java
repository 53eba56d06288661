package cn.changhe.portfolio.graphql;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's HTTP: the media types it reads and writes, a body it cannot read, and the length of
 * what it writes.
 */
class EndpointTest extends ApiTest {

	private static final String BODY = "{\"query\":\"{ sectors { code } }\"}";

	@Test
	void aJsonBodyIsAnsweredWithTheMediaTypeAsked() {
		post(MediaType.APPLICATION_JSON, BODY).accept(MediaType.parseMediaType("application/graphql-response+json"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("application/graphql-response+json")
			.expectBody()
			.jsonPath("$.data.sectors[0].code")
			.isNotEmpty();
		post(MediaType.APPLICATION_JSON, BODY).accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
	}

	@Test
	void aLargeAnswerGoesOutWithItsLengthNotInChunks() {
		String body = "{\"query\":\"{ investmentSummary(groupBy: [ENTERPRISE, YEAR, KIND]) { year kind currency count total { amount } average { amount } min { amount } max { amount } } }\"}";
		byte[] answer = post(MediaType.APPLICATION_JSON, body).exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Transfer-Encoding")
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		assertThat(answer.length).as("more than a socket buffer").isGreaterThan(16 * 1024);
		post(MediaType.APPLICATION_JSON, body).exchange().expectHeader().contentLength(answer.length);
	}

	@Test
	void anOlderClientsApplicationGraphqlBodyIsReadAsJson() {
		post(MediaType.parseMediaType("application/graphql"), BODY).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.sectors[0].code")
			.isNotEmpty();
	}

	@Test
	void aBodyThatIsNotJsonIsABadRequestAndAnotherMediaTypeIsUnsupported() {
		post(MediaType.APPLICATION_JSON, "{\"query\": ").exchange().expectStatus().isBadRequest();
		post(MediaType.TEXT_PLAIN, BODY).exchange().expectStatus().isEqualTo(415);
	}

	private WebTestClient.RequestHeadersSpec<?> post(MediaType type, String body) {
		return this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.contentType(type)
			.bodyValue(body);
	}

}
