package cn.changhe.portfolio.operations;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer names its trace ({@code traceresponse}), continuing the client's W3C
 * {@code traceparent}; every error carries the trace id; and each request has one access line
 * with its client, operation, cost, outcome, duration and statements, logged within its trace.
 */
class TracingTest extends ApiTest {

	private static final Pattern TRACE_RESPONSE = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

	private final ListAppender<ILoggingEvent> access = new ListAppender<>();

	private final Logger accessLogger = (Logger) LoggerFactory.getLogger("cn.changhe.portfolio.access");

	@BeforeEach
	void captureAccessLines() {
		this.access.start();
		this.accessLogger.addAppender(this.access);
		this.accessLogger.setLevel(Level.INFO);
	}

	@AfterEach
	void stopCapturing() {
		this.accessLogger.detachAppender(this.access);
		this.accessLogger.setLevel(null);
	}

	@Test
	void theClientsTraceIsContinuedAndNamedInEveryError() {
		String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		EntityExchangeResult<String> answer = post("demo-admin", parent, "query Broken { nope }");
		String trace = traceOf(answer);
		assertThat(trace).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(answer.getResponseHeaders().getFirst("traceresponse")).endsWith("-01").doesNotContain("00f067aa0ba902b7");
		assertThat(answer.getResponseBody()).contains("\"traceId\":\"" + trace + "\"");
	}

	@Test
	void withoutATraceparentATraceBeginsHereAndEveryKindOfErrorNamesIt() {
		EntityExchangeResult<String> invalid = post("demo-admin", null, "{ projects(first: -1) { totalCount } }");
		assertThat(invalid.getResponseBody()).contains("\"traceId\":\"" + traceOf(invalid) + "\"");
		EntityExchangeResult<String> refused = post("not-a-token", null, "{ sectors { code } }");
		assertThat(refused.getStatus().value()).isEqualTo(401);
		assertThat(refused.getResponseBody()).contains("\"traceId\":\"" + traceOf(refused) + "\"");
		EntityExchangeResult<String> badGet = this.http.get()
			.uri("/graphql?variables=%7B%7D")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(badGet.getStatus().value()).isEqualTo(400);
		assertThat(badGet.getResponseBody()).contains("\"traceId\":\"" + traceOf(badGet) + "\"");
		EntityExchangeResult<String> fine = post("demo-admin", null, "{ sectors { code } }");
		assertThat(traceOf(fine)).isNotEqualTo(traceOf(invalid));
		assertThat(fine.getResponseBody()).doesNotContain("traceId");
	}

	@Test
	void eachRequestHasOneAccessLineInItsTrace() throws InterruptedException {
		EntityExchangeResult<String> answer = this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "query Sectors { sectors { code } }"))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		String trace = traceOf(answer);
		// the line is written as the request ends, which may be just after the client has the answer
		long deadline = System.nanoTime() + 2_000_000_000L;
		while (System.nanoTime() < deadline
				&& lines().stream().noneMatch((event) -> trace.equals(event.getMDCPropertyMap().get("traceId")))) {
			Thread.sleep(10);
		}
		ILoggingEvent line = lines().stream()
			.filter((event) -> trace.equals(event.getMDCPropertyMap().get("traceId")))
			.reduce((first, second) -> {
				throw new AssertionError("two access lines for one request: " + first + ", " + second);
			})
			.orElseThrow(() -> new AssertionError("no access line in trace " + trace + ": " + lines()));
		assertThat(line.getFormattedMessage()).startsWith("POST /graphql 200 ")
			.contains("client=demo-analyst operation=Sectors cost=")
			.contains("outcome=ok")
			.containsPattern("statements=[1-9]");
		Map<String, Object> values = new java.util.HashMap<>();
		for (KeyValuePair pair : line.getKeyValuePairs()) {
			values.put(pair.key, pair.value);
		}
		assertThat(values).containsEntry("client", "demo-analyst")
			.containsEntry("operation", "Sectors")
			.containsEntry("outcome", "ok")
			.containsEntry("status", 200)
			.containsKeys("cost", "durationMs", "statements");
		assertThat((Long) values.get("cost")).isPositive();
	}

	private EntityExchangeResult<String> post(String token, String traceparent, String query) {
		var request = this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
		if (traceparent != null) {
			request = request.header("traceparent", traceparent);
		}
		return request.bodyValue(Map.of("query", query)).exchange().expectBody(String.class).returnResult();
	}

	private static String traceOf(EntityExchangeResult<String> answer) {
		String header = answer.getResponseHeaders().getFirst("traceresponse");
		assertThat(header).as("traceresponse").isNotNull();
		Matcher matcher = TRACE_RESPONSE.matcher(header);
		assertThat(matcher.matches()).as(header).isTrue();
		return matcher.group(1);
	}

	/** The access lines so far (the appender takes them on the server's threads, holding its lock). */
	private List<ILoggingEvent> lines() {
		synchronized (this.access) {
			return List.copyOf(this.access.list);
		}
	}

}
