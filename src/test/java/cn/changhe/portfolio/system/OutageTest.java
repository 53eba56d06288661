package cn.changhe.portfolio.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database killed (SIGKILL) and started again under concurrent reads and writes: while it is
 * gone every request is answered within 3 s with UNAVAILABLE, 503 and {@code Retry-After}, never
 * 500; readiness goes DOWN and comes back UP by itself; the first request after the database is
 * back succeeds; and every write that was acknowledged is in the database.
 */
class OutageTest {

	private static final String BOOTSTRAP = "bootstrap-token-for-the-outage-test";

	private static final Pattern INVESTMENT_ID = Pattern.compile("\"investment\":\\{\"id\":\"([^\"]+)\"");

	private static EmbeddedMariaDb server;

	@BeforeAll
	static void startDatabase() {
		server = EmbeddedMariaDb.start(Path.of("target", "test-db", "outage-" + UUID.randomUUID()),
				EmbeddedMariaDb.defaultBaseDir(), "128M", true);
	}

	@AfterAll
	static void stopDatabase() throws Exception {
		server.destroy();
	}

	private enum Phase {
		UP, DOWN, BACK
	}

	private record Answer(Phase phase, boolean write, String note, int status, long millis, String body, String retryAfter) {

		@Override
		public String toString() {
			return this.phase + (this.write ? " write " : " read ") + this.status + " in " + this.millis + " ms: "
					+ this.body.substring(0, Math.min(this.body.length(), 300));
		}

	}

	@Test
	void anOutageIsAnsweredCleanlyAndTheServiceRecoversByItself() throws Exception {
		Map<String, String> settings = Map.of("spring.datasource.url", DatabaseInitializer.jdbcUrl(server.port(), "outage"),
				"spring.datasource.username", "root", "spring.datasource.password", "", "zone.demo-data", "true",
				"zone.bootstrap-token", BOOTSTRAP);
		try (RunningApp app = RunningApp.start(settings)) {
			String base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			String project = project(http, base);
			String sectors = sectors(http, base);
			AtomicReference<Phase> phase = new AtomicReference<>(Phase.UP);
			AtomicBoolean running = new AtomicBoolean(true);
			List<Answer> answers = new CopyOnWriteArrayList<>();
			List<Thread> load = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				boolean write = i < 2;
				boolean nested = i == 5;
				Thread thread = new Thread(() -> {
					while (running.get()) {
						answers.add(write ? write(http, base, project, phase.get())
								: nested ? nested(http, base, sectors, phase.get()) : read(http, base, phase.get()));
					}
				});
				thread.start();
				load.add(thread);
			}
			Thread.sleep(1500);
			assertThat(readiness(http, base)).isEqualTo(200);

			kill(server.port());
			phase.set(Phase.DOWN);
			long killed = System.nanoTime();
			int ready = 0;
			while (System.nanoTime() - killed < Duration.ofSeconds(10).toNanos() && (ready = readiness(http, base)) != 503) {
				Thread.sleep(100);
			}
			assertThat(ready).as("readiness goes DOWN").isEqualTo(503);
			Thread.sleep(Math.max(0, 4000 - (System.nanoTime() - killed) / 1_000_000));

			server.start();
			Answer first = read(http, base, Phase.BACK);
			assertThat(first.status()).as("the first request after the database is back: %s", first.body()).isEqualTo(200);
			assertThat(first.body()).doesNotContain("errors");
			phase.set(Phase.BACK);
			long back = System.nanoTime();
			while (System.nanoTime() - back < Duration.ofSeconds(10).toNanos() && (ready = readiness(http, base)) != 200) {
				Thread.sleep(100);
			}
			assertThat(ready).as("readiness comes back UP").isEqualTo(200);
			Thread.sleep(1500);
			running.set(false);
			for (Thread thread : load) {
				thread.join();
			}

			assertThat(answers.stream().filter((answer) -> answer.status() == 500 || answer.status() < 0
					|| answer.body().contains("INTERNAL_ERROR"))).as("never a 500 or an INTERNAL_ERROR").isEmpty();
			List<Answer> down = answers.stream().filter((answer) -> answer.phase() == Phase.DOWN).toList();
			assertThat(down.stream().filter(Answer::write).count()).as("writes while the database was gone").isGreaterThan(2);
			assertThat(down.stream().filter((answer) -> !answer.write()).count()).as("reads while it was gone").isGreaterThan(4);
			assertThat(down).as("while the database is gone").allSatisfy((answer) -> {
				// a request that was still waiting for a connection when the database came back is served
				// (its token and budget are kept in memory, so nothing failed it sooner): within the pool's
				// 2 s wait and a request's time besides
				assertThat(answer.millis()).as("answered within 3 s (5 s once served): %s", answer.body())
					.isLessThan((answer.status() == 200) ? 5000 : 3000);
				if (answer.status() != 200) {
					assertThat(answer.status()).as(answer.body()).isEqualTo(503);
					assertThat(answer.body()).contains("\"classification\":\"UNAVAILABLE\"").contains("\"retryAfter\":5")
						.contains("\"traceId\":\"");
					assertThat(answer.retryAfter()).isEqualTo("5");
				}
			});
			// The sectors are kept in memory, so their relations are the first to find the database gone:
			// the batch that failed is not sent again when graphql-java completes the fields after all.
			List<Answer> nested = down.stream().filter((answer) -> NESTED.equals(answer.note())).toList();
			assertThat(nested).as("nested reads while the database was gone").isNotEmpty().allSatisfy((answer) -> {
				// (one still waiting for the pool when the database came back is served, as above)
				boolean served = !answer.body().contains("errors");
				assertThat(answer.millis()).as("one wait for the pool, not two: %s", answer.body())
					.isLessThan(served ? 5000 : 3000);
				if (!served) {
					assertThat(answer.body()).contains("\"classification\":\"UNAVAILABLE\"");
				}
			});
			// (a sync of a budget that finds the database gone leaves the buckets alone for a second, so the
			// requests queued behind it are refused at once and the next ones go to their fields)
			assertThat(down.stream().filter((answer) -> answer.status() == 503).count()).isGreaterThan(2);
			assertThat(answers.stream().filter((answer) -> answer.phase() == Phase.BACK))
				.as("once the database is back").isNotEmpty()
				.allSatisfy((answer) -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));

			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			for (Answer answer : answers) {
				if (answer.write() && answer.status() == 200 && INVESTMENT_ID.matcher(answer.body()).find()) {
					acknowledged.add(answer.note());
				}
			}
			assertThat(acknowledged).hasSizeGreaterThan(5);
			JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
			List<String> stored = jdbc.queryForList("SELECT note FROM investment WHERE note LIKE 'outage %'", String.class);
			assertThat(stored).as("every acknowledged write was kept").containsAll(acknowledged);

		}
	}

	private static String project(HttpClient http, String base) throws Exception {
		String body = post(http, base, "demo-analyst", "{\"query\":\"{ projects(first: 1) { nodes { id } } }\"}").body();
		Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
		assertThat(id.find()).as(body).isTrue();
		return id.group(1);
	}

	private static final String NESTED = "nested";

	/** The sectors' ids, as a JSON array. */
	private static String sectors(HttpClient http, String base) throws Exception {
		String body = post(http, base, "demo-analyst", "{\"query\":\"{ sectors { id } }\"}").body();
		Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
		List<String> ids = new ArrayList<>();
		while (id.find()) {
			ids.add("\"" + id.group(1) + "\"");
		}
		assertThat(ids).as(body).hasSizeGreaterThan(3);
		return "[" + String.join(",", ids) + "]";
	}

	/** The sectors by their ids (kept in memory), with relations two levels deep. */
	private static Answer nested(HttpClient http, String base, String sectors, Phase phase) {
		return answer(http, base, phase, false, NESTED, "demo-analyst", """
				{"query": "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Sector { code enterprises(first: 2) { nodes { name projects(first: 2) { nodes { name } } } } } } }",
				 "variables": {"ids": %s}}""".formatted(sectors));
	}

	private static Answer read(HttpClient http, String base, Phase phase) {
		return answer(http, base, phase, false, null, "demo-analyst",
				"{\"query\":\"{ projects(first: 5) { totalCount nodes { name } } sectors { code } }\"}");
	}

	private static Answer write(HttpClient http, String base, String project, Phase phase) {
		String note = "outage " + UUID.randomUUID();
		return answer(http, base, phase, true, note, "demo-editor", """
				{"query": "mutation($i: RecordInvestmentInput!) { recordInvestment(input: $i) { investment { id } userErrors { field } } }",
				 "variables": {"i": {"kind": "FIXED_ASSET", "amount": {"amount": "1.23"}, "year": 2038, "projectId": "%s", "note": "%s"}}}"""
			.formatted(project, note));
	}

	private static Answer answer(HttpClient http, String base, Phase phase, boolean write, String note, String token, String body) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = post(http, base, token, body);
			return new Answer(phase, write, note, response.statusCode(), (System.nanoTime() - started) / 1_000_000, response.body(),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (Exception ex) {
			return new Answer(phase, write, note, -1, (System.nanoTime() - started) / 1_000_000, ex.toString(), null);
		}
	}

	private static HttpResponse<String> post(HttpClient http, String base, String token, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/graphql-response+json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int readiness(HttpClient http, String base) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** Kills the server as a crash would, without letting it shut down. */
	private static void kill(int port) throws Exception {
		List<ProcessHandle> servers = ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains("--port=" + port))
			.toList();
		assertThat(servers).hasSize(1);
		servers.get(0).destroyForcibly();
		servers.get(0).onExit().get();
	}

}
