package cn.changhe.portfolio.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.system.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, each keeping its copy of budgets and tokens: a
 * client sending to both gets no more than its budget (within what the copies may take between two
 * syncs), and a revoked token is refused at once where it was revoked and within
 * {@code zone.tokens.cache-for} on the other; a write on one shows in the targets' actuals the other
 * keeps at its next read; an instance started with a smaller budget holds a client whose bucket is
 * already stored to it. On a context of its own, with a small budget.
 */
@TestPropertySource(properties = { "zone.rate.capacity=300", "zone.rate.restore-per-second=10",
		"zone.tokens.cache-for=2s" })
class TwoInstancesTest extends ApiTest {

	private static RunningApp other;

	@Autowired
	private Environment environment;

	@BeforeEach
	void startTheOther() {
		if (other == null) {
			other = onThisDatabase(Map.of("zone.rate.capacity", "300", "zone.rate.restore-per-second", "10",
					"zone.tokens.cache-for", "2s"));
		}
	}

	/** Another instance of the service on this test's database, with these settings of its own. */
	private RunningApp onThisDatabase(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(settings);
		all.put("spring.datasource.url", this.environment.getProperty("spring.datasource.url"));
		all.put("spring.datasource.username", this.environment.getProperty("spring.datasource.username"));
		all.put("spring.datasource.password", this.environment.getProperty("spring.datasource.password", ""));
		return RunningApp.start(all);
	}

	@AfterAll
	static void stopTheOther() {
		if (other != null) {
			other.close();
			other = null;
		}
	}

	@Test
	void aClientSendingToBothGetsItsBudgetAndNoMore() throws Exception {
		List<Integer> instances = List.of(this.port, Integer.parseInt(other.context().getEnvironment().getProperty("local.server.port")));
		Duration run = Duration.ofSeconds(8);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		long start = System.nanoTime();
		List<Future<long[]>> results = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int port = instances.get(t % 2);
			results.add(threads.submit(() -> {
				long admitted = 0;
				long refused = 0;
				while (System.nanoTime() - start < run.toNanos()) {
					Map<String, Object> body = post(port, "demo-analyst");
					if (body.get("data") != null) {
						admitted += cost(body);
					}
					else {
						refused++;
					}
				}
				return new long[] { admitted, refused };
			}));
		}
		long admitted = 0;
		long refused = 0;
		for (Future<long[]> result : results) {
			admitted += result.get()[0];
			refused += result.get()[1];
		}
		threads.shutdown();
		double seconds = (System.nanoTime() - start) / 1e9;
		long budget = 300 + Math.round(10 * seconds);
		assertThat(refused).as("requests refused over the budget").isPositive();
		assertThat(admitted).as("cost let through against a budget of %d", budget).isLessThanOrEqualTo(Math.round(budget * 1.1));
		assertThat(admitted).as("cost let through against a budget of %d", budget).isGreaterThanOrEqualTo(Math.round(budget * 0.8));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRevokedTokenIsRefusedAtOnceHereAndSoonOnTheOther() throws InterruptedException {
		Map<String, Object> issued = mutate("""
				mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } token userErrors { code } } }""",
				"createApiClient", Map.of("name", "two-instances-client", "role", "ANALYST"));
		String token = (String) issued.get("token");
		String id = (String) ((Map<String, Object>) issued.get("client")).get("id");
		HttpGraphQlTester here = as(token);
		HttpGraphQlTester there = other.graphQl(token);
		for (HttpGraphQlTester instance : List.of(here, there)) {
			instance.document("{ viewer { name } }").execute().path("viewer.name").entity(String.class)
				.isEqualTo("two-instances-client");
		}
		mutate("mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { client { revokedAt } } }",
				"revokeApiClient", Map.of("id", id));
		assertThat(status(this.port, token)).as("where it was revoked").isEqualTo(401);
		int otherPort = Integer.parseInt(other.context().getEnvironment().getProperty("local.server.port"));
		long revoked = System.nanoTime();
		while (status(otherPort, token) != 401) {
			assertThat(System.nanoTime() - revoked).as("refused on the other within cache-for (2 s)")
				.isLessThan(Duration.ofMillis(2500).toNanos());
			Thread.sleep(50);
		}
	}

	@Test
	void aBudgetChangedInTheSettingsHoldsForBucketsAlreadyStored() {
		Map<String, Object> first = post(this.port, "demo-editor");
		assertThat(first.get("data")).as("the client's bucket stored with a budget of 300").isNotNull();
		try (RunningApp smaller = onThisDatabase(Map.of("zone.rate.capacity", "40", "zone.rate.restore-per-second", "1",
				"zone.rate.refusal-delay", "0s"))) {
			int port = Integer.parseInt(smaller.context().getEnvironment().getProperty("local.server.port"));
			long admitted = 0;
			boolean refused = false;
			for (int i = 0; i < 300 && !refused; i++) {
				Map<String, Object> body = post(port, "demo-editor");
				if (body.get("data") != null) {
					admitted += cost(body);
				}
				else {
					refused = true;
				}
			}
			assertThat(refused).as("refused under the new budget").isTrue();
			assertThat(admitted).as("cost let through once the budget is 40 (the stored bucket had up to 300 left)")
				.isLessThanOrEqualTo(60);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void aWriteOnOneShowsInTheOthersTargetsAtItsNextRead() {
		String enterprise = query("{ enterprises(filter: { nameContains: \"九龙机械\" }) { nodes { id } } }", "enterprises.nodes[0].id");
		Map<String, Object> created = mutate("""
				mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code message } } }""",
				"createProject", Map.of("name", "两实例目标测试项目", "enterpriseId", enterprise, "totalInvestment",
						Map.of("amount", "5", "unit", "YI"), "signedOn", "2025-01-05"));
		String project = (String) ((Map<String, Object>) created.get("project")).get("id");
		HttpGraphQlTester there = other.graphQl("demo-admin");
		int before = registered2025(there);
		assertThat(registered2025(there)).as("kept, and the same").isEqualTo(before);
		mutate("""
				mutation($input: RecordMilestoneInput!) { recordMilestone(input: $input) { project { stage } userErrors { code message } } }""",
				"recordMilestone", Map.of("projectId", project, "stage", "REGISTERED", "reachedOn", "2025-02-01"));
		assertThat(registered2025(there)).as("the other instance's next read").isEqualTo(before + 1);
		assertThat(registered2025(as("demo-admin"))).isEqualTo(before + 1);
	}

	private static int registered2025(HttpGraphQlTester instance) {
		return instance.document("{ zoneYear(year: 2025) { targets { code actual } } }")
			.execute()
			.path("zoneYear.targets[?(@.code == 'PROJECTS_REGISTERED_3YI')].actual")
			.entityList(Integer.class)
			.get()
			.get(0);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(int port, String token) {
		return this.http.mutate().baseUrl("http://localhost:" + port).build().post().uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.bodyValue("{\"query\":\"{ sectors { id } }\"}")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private int status(int port, String token) {
		return this.http.mutate().baseUrl("http://localhost:" + port).build().post().uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.bodyValue("{\"query\":\"{ viewer { name } }\"}")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	@SuppressWarnings("unchecked")
	private static long cost(Map<String, Object> body) {
		Map<String, Object> cost = (Map<String, Object>) ((Map<String, Object>) body.get("extensions")).get("cost");
		return ((Number) cost.get("requestedQueryCost")).longValue();
	}

}
