package cn.changhe.portfolio.security;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of expensive queries from one client spends that client's budget alone: it is told to
 * retry later, and another client keeps working. The public's budget, per address, is its own
 * setting. A refusal is answered after a short delay, with 429 and {@code Retry-After} for
 * {@code application/graphql-response+json}. (Small budgets, on a context of their own.)
 */
@TestPropertySource(properties = { "zone.rate.capacity=3000", "zone.rate.restore-per-second=10",
		"zone.rate.public-capacity=100", "zone.rate.public-restore-per-second=1" })
class BudgetTest extends ApiTest {

	// language=GraphQL
	private static final String EXPENSIVE = "{ enterprises(first: 100) { nodes { name sector { name } projects(first: 2) { nodes { name } } } } }";

	@Test
	void aFloodFromOneClientIsRateLimitedWhileAnotherKeepsWorking() {
		String[] classification = new String[1];
		Object[] retryAfter = new Object[1];
		for (int i = 0; i < 20 && classification[0] == null; i++) {
			as("demo-analyst").document(EXPENSIVE).execute().errors().satisfy((errors) -> {
				if (!errors.isEmpty()) {
					classification[0] = errors.get(0).getErrorType().toString();
					retryAfter[0] = errors.get(0).getExtensions().get("retryAfter");
				}
			});
		}
		assertThat(classification[0]).isEqualTo("RATE_LIMITED");
		assertThat(((Number) retryAfter[0]).longValue()).isPositive();
		as("demo-editor").document("{ sectors { code } }").execute().path("sectors").entityList(Object.class).hasSizeGreaterThan(0);
		this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ sectors { code } }"))
			.exchange()
			.expectBody()
			.jsonPath("$.extensions.cost.throttleStatus.maximumAvailable")
			.isEqualTo(3000);
		String metrics = text("/actuator/prometheus", "demo-admin");
		assertThat(metrics).as("the refusals, counted for the client that was refused")
			.containsPattern("zone_rate_limited_total\\{client=\"demo-analyst\",operation=\"other\"} [1-9]")
			.doesNotContain("zone_rate_limited_total{client=\"demo-editor\"");
	}

	@Test
	void thePublicHasABudgetOfItsOwn() {
		String query = "{ zoneYear(year: 2024) { year } }";
		Map<?, ?> first = this.http.post()
			.uri("/graphql")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> cost = (Map<?, ?>) ((Map<?, ?>) first.get("extensions")).get("cost");
		Map<?, ?> throttle = (Map<?, ?>) cost.get("throttleStatus");
		assertThat(throttle.get("maximumAvailable")).isEqualTo(100);
		assertThat(throttle.get("restoreRate")).isEqualTo(1);
		int each = ((Number) cost.get("requestedQueryCost")).intValue();
		String[] classification = new String[1];
		int served = 1;
		for (int i = 0; i < 120 && classification[0] == null; i++) {
			anonymous().document(query).execute().errors().satisfy((errors) -> {
				if (!errors.isEmpty()) {
					classification[0] = errors.get(0).getErrorType().toString();
				}
			});
			served += (classification[0] == null) ? 1 : 0;
		}
		assertThat(classification[0]).as("refused after %d requests of cost %d", served, each).isEqualTo("RATE_LIMITED");
		assertThat(served).as("requests of cost %d served from a budget of 100", each).isBetween(100 / each - 1, 100 / each + 3);
		long sent = System.nanoTime();
		this.http.post()
			.uri("/graphql")
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("RATE_LIMITED");
		assertThat((System.nanoTime() - sent) / 1_000_000).as("ms before a refusal is answered (zone.rate.refusal-delay)")
			.isGreaterThanOrEqualTo(450);
		this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-partner-cicc")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectBody()
			.jsonPath("$.errors").doesNotExist()
			.jsonPath("$.extensions.cost.throttleStatus.maximumAvailable").isEqualTo(3000);
	}

	@Test
	void aNewClientsFirstRequestsArrivingTogetherAreAllServed() throws Exception {
		String token = as("demo-admin").document("""
				mutation { createApiClient(input: { name: "budget-first-together", role: ANALYST }) { token } }""")
			.execute()
			.path("createApiClient.token")
			.entity(String.class)
			.get();
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
		List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return this.http.post()
					.uri("/graphql")
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.bodyValue(Map.of("query", "{ sectors { code } }"))
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value();
			}));
		}
		start.countDown();
		for (java.util.concurrent.Future<Integer> answer : answers) {
			assertThat(answer.get()).isEqualTo(200);
		}
		pool.shutdown();
	}

}
