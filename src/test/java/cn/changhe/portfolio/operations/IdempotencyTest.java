package cn.changhe.portfolio.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mutation sent again with its {@code Idempotency-Key} (a partner's retry after a timeout) gets
 * the first answer and writes nothing more; the key with another request is refused.
 */
class IdempotencyTest extends ApiTest {

	// language=GraphQL
	private static final String RECORD = """
			mutation Record($input: RecordInvestmentInput!) {
			  recordInvestment(input: $input) { investment { id amount { amount } note } userErrors { field code } }
			}""";

	@Test
	void aRepeatGetsTheFirstAnswerAndWritesNothing() {
		String note = "idempotent " + UUID.randomUUID();
		Map<String, Object> body = record("99999999999999.99", note);
		String key = UUID.randomUUID().toString();
		EntityExchangeResult<String> first = post(body, key, "demo-editor");
		assertThat(first.getStatus().value()).isEqualTo(200);
		assertThat(first.getResponseBody()).contains("\"amount\":99999999999999.99").contains("\"userErrors\":[]");
		assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
		for (int i = 0; i < 3; i++) {
			EntityExchangeResult<String> again = post(body, key, "demo-editor");
			assertThat(again.getStatus().value()).isEqualTo(200);
			assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
			assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
		}
		assertThat(written(note)).isEqualTo(1);
		assertThat(post(body, UUID.randomUUID().toString(), "demo-editor").getResponseBody())
			.as("another key is another request").contains("\"userErrors\":[]");
		assertThat(written(note)).isEqualTo(2);
	}

	@Test
	void theKeyWithAnotherRequestIsRefusedAndKeysAreEachClientsOwn() {
		String note = "reused " + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		post(record("100.00", note), key, "demo-editor");
		EntityExchangeResult<String> other = post(record("200.00", note), key, "demo-editor");
		assertThat(other.getStatus().value()).isEqualTo(422);
		assertThat(other.getResponseBody()).contains("\"classification\":\"IDEMPOTENCY_KEY_REUSED\"")
			.contains("\"header\":\"Idempotency-Key\"");
		assertThat(written(note)).isEqualTo(1);
		assertThat(post(record("200.00", note), key, "demo-admin").getResponseBody())
			.as("the same key of another client").contains("\"userErrors\":[]");
		assertThat(written(note)).isEqualTo(2);
	}

	@Test
	void aMalformedKeyIsABadRequestAndWritesNothing() {
		String note = "malformed " + UUID.randomUUID();
		for (String key : new String[] { "", "with space", "x".repeat(256) }) {
			EntityExchangeResult<String> refused = post(record("1.00", note), key, "demo-editor");
			assertThat(refused.getStatus().value()).as(key).isEqualTo(400);
			assertThat(refused.getResponseBody()).contains("\"classification\":\"BAD_REQUEST\"").contains("Idempotency-Key");
		}
		assertThat(written(note)).isZero();
	}

	@Test
	void anExpiredKeyIsFreeAgain() {
		String note = "expired " + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		post(record("3.00", note), key, "demo-editor");
		this.jdbc.update("UPDATE idempotency_key SET expires_at = '2020-01-01' WHERE idempotency_key = ?", key);
		EntityExchangeResult<String> after = post(record("3.00", note), key, "demo-editor");
		assertThat(after.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(written(note)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = ? AND expires_at > NOW()",
				Integer.class, key)).isEqualTo(1);
	}

	@Test
	void concurrentRequestsWithOneKeyWriteOnce() throws Exception {
		String note = "concurrent " + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = record("7.00", note);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<EntityExchangeResult<String>>> calls = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				calls.add(() -> post(body, key, "demo-editor"));
			}
			List<String> answers = new ArrayList<>();
			for (Future<EntityExchangeResult<String>> answer : pool.invokeAll(calls)) {
				assertThat(answer.get().getStatus().value()).isIn(200, 409);
				answers.add(answer.get().getResponseBody());
			}
			assertThat(answers).allSatisfy((answer) -> assertThat(answer).doesNotContain("INTERNAL_ERROR"));
			assertThat(answers).anySatisfy((answer) -> assertThat(answer).contains("\"userErrors\":[]"));
		}
		finally {
			pool.shutdown();
		}
		assertThat(written(note)).isEqualTo(1);
	}

	@Test
	void queriesIgnoreTheKey() {
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			assertThat(post(Map.of("query", "{ sectors { code } }"), key, "demo-editor").getResponseBody()).contains("\"sectors\"");
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = ?", Integer.class, key))
			.isZero();
	}

	private Map<String, Object> record(String amount, String note) {
		String project = query("{ projects(filter: { nameContains: \"杭轴高端精密轴承\" }) { nodes { id } } }", "projects.nodes[0].id");
		return Map.of("query", RECORD, "variables", Map.of("input", Map.of("kind", "FIXED_ASSET", "amount",
				Map.of("amount", new java.math.BigDecimal(amount)), "year", 2039, "projectId", project, "note", note)));
	}

	private EntityExchangeResult<String> post(Map<String, Object> body, String key, String token) {
		return this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/graphql-response+json")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private int written(String note) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM investment WHERE note = ?", Integer.class, note);
	}

}
