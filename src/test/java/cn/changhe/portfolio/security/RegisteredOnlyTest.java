package cn.changhe.portfolio.security;

import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.graphql.RegisteredDocuments;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code zone.documents.registered-only=PUBLIC,partner} (role names in any case), the public
 * and partners run the registered documents only, by hash or by their very text; other roles run
 * any document.
 */
@TestPropertySource(properties = { "spring.graphql.cors.allowed-origins=https://dashboard.changhe.example",
		"zone.documents.registered-only=PUBLIC,partner",
		"zone.documents.registered=classpath*:graphql/examples/*.graphql,classpath*:registered/*.graphql" }) // as CorsTest's: one application for both
class RegisteredOnlyTest extends ApiTest {

	private static final String AD_HOC = "{ zoneYear(year: 2024) { year } }";

	@Autowired
	private RegisteredDocuments registered;

	@Test
	void thePublicAndPartnersRunRegisteredDocumentsOnly() {
		for (String token : new String[] { null, "demo-partner-addor" }) {
			post(token, Map.of("query", AD_HOC)).expectBody()
				.jsonPath("$.data")
				.doesNotExist()
				.jsonPath("$.errors[0].extensions.classification")
				.isEqualTo("FORBIDDEN")
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("DOCUMENT_NOT_REGISTERED");
			// persisting a document of one's own is running one
			post(token, Map.of("query", AD_HOC, "extensions", persistedQuery(RegisteredDocuments.sha256(AD_HOC)))).expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("DOCUMENT_NOT_REGISTERED");
		}
		post("demo-analyst", Map.of("query", AD_HOC)).expectBody().jsonPath("$.data.zoneYear.year").isEqualTo(2024);
	}

	@Test
	void aRegisteredDocumentRunsByItsHashOrItsText() {
		Map.Entry<String, RegisteredDocuments.Registered> zoneYear = this.registered.all()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().file().equals("zone-year.graphql"))
			.findFirst()
			.orElseThrow();
		Map<String, Object> variables = Map.of("year", 2024);
		for (String token : new String[] { null, "demo-partner-addor" }) {
			post(token, Map.of("extensions", persistedQuery(zoneYear.getKey()), "variables", variables)).expectBody()
				.jsonPath("$.errors")
				.doesNotExist()
				.jsonPath("$.data.zoneYear.year")
				.isEqualTo(2024);
			post(token, Map.of("query", zoneYear.getValue().text(), "variables", variables)).expectBody()
				.jsonPath("$.data.zoneYear.year")
				.isEqualTo(2024);
			// the registered hash with another text is that text, refused
			post(token, Map.of("query", AD_HOC, "extensions", persistedQuery(zoneYear.getKey()))).expectBody()
				.jsonPath("$.data")
				.doesNotExist()
				.jsonPath("$.errors[0].message")
				.isEqualTo("PersistedQueryIdInvalid");
		}
	}

	private static Map<String, Object> persistedQuery(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	private WebTestClient.ResponseSpec post(String token, Map<String, Object> body) {
		WebTestClient.RequestHeadersSpec<?> request = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body);
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		return request.exchange();
	}

}
