package cn.changhe.portfolio.security;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/**
 * Browsers may call the API from the dashboard's origin, and from no other.
 */
@TestPropertySource(properties = { "spring.graphql.cors.allowed-origins=https://dashboard.changhe.example",
		"zone.documents.registered-only=PUBLIC,partner",
		"zone.documents.registered=classpath*:graphql/examples/*.graphql,classpath*:registered/*.graphql" }) // as RegisteredOnlyTest's: one application for both
class CorsTest extends ApiTest {

	@Test
	void theDashboardsOriginIsAllowedAndNoOther() {
		this.http.options()
			.uri("/graphql")
			.header("Origin", "https://dashboard.changhe.example")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "https://dashboard.changhe.example");
		this.http.options()
			.uri("/graphql")
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
