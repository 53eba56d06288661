package cn.changhe.portfolio.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

import com.sun.management.GarbageCollectionNotificationInfo;

import cn.changhe.portfolio.bench.ScaleDataset.Size;
import cn.changhe.portfolio.graphql.GlobalId;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Drives the operations over HTTP at each concurrency, after a warm-up, and the floor for 0-5 and 9
 * in the same run; prints the table and writes it to {@code bench.results}.
 */
final class Harness {

	private static final String NODE = """
			query($id: ID!) { node(id: $id) { id ... on Project { name stage totalInvestment { amount currency }
			  milestones { stage reachedOn } } } }""";

	private static final String PAGE = """
			query($sector: ID!, $after: String) { projects(filter: { sectorIds: [$sector] }, first: 20, after: $after) {
			  nodes { id name stage totalInvestment { amount currency } } pageInfo { hasNextPage endCursor } } }""";

	private static final String NESTED = """
			query($n: Int) { enterprises(first: $n) { nodes { name projects(first: 10) { nodes { name
			  investments(first: 10) { nodes { amount { amount currency } fund { name } } } } } } } }""";

	/** PostGraphile's shape (a): 5 sectors, 5 enterprises each, 3 projects each, 4 investments each, with the fund's name. */
	private static final String SHAPE_A = """
			query($ids: [ID!]!) { nodes(ids: $ids) { ... on Sector { code enterprises(first: 5) { nodes { name
			  projects(first: 3) { nodes { name investments(first: 4) { nodes { amount { amount currency } fund { name } } } } } } } } } }""";

	private static final String SUMMARY = """
			{ investmentSummary(groupBy: [SECTOR, YEAR]) { sector { code name } year currency count total { amount(unit: YI) } } }""";

	private static final String ZONE_YEAR = """
			{ zoneYear(year: 2024) { indicators { code value } targets { code target actual progress } } }""";

	private static final String RECORD = """
			mutation($id: ID!) { recordInvestment(input: { kind: LOAN, amount: { amount: "12345.67" }, year: 2024, projectId: $id }) {
			  investment { id kind year amount { amount currency } } userErrors { field code message } } }""";

	private final String token;

	private final Size size;

	private final String loadLine;

	private final DataSource ds;

	/** The statements the database is sent each second with no request running: the service's background ticks. */
	private double idleQuestions;

	private final int port;

	private final HttpClient client = GraphQlHttp.newClient();

	private final GraphQlHttp api;

	private final int warmup = Integer.getInteger("bench.warmup", 5);

	private final int duration = Integer.getInteger("bench.duration", 10);

	/** Seconds each read scenario is driven on each side before the first cell is measured. */
	private final int jitWarmup = Integer.getInteger("bench.jitWarmup", 10);

	/** Seconds the warm-up may go on after that, until the JIT compiler has settled. */
	private final int jitSettle = Integer.getInteger("bench.jitSettle", 120);

	/** How the warm-up went on until the compiler settled, for the results; empty where it did not. */
	private String settled = "";

	private final int[] concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "1,8,32").split(","))
		.mapToInt(Integer::parseInt)
		.toArray();

	private final String only = System.getProperty("bench.scenarios", "0,1,2,3,4,5,6,7,8,9,10");

	private final HeapSampler heap = new HeapSampler();

	/** The run's lines for the results file, one per cell. */
	private final StringBuilder history = new StringBuilder();

	Harness(ConfigurableApplicationContext app, String token, Size size, String loadLine) {
		this.token = token;
		this.size = size;
		this.loadLine = loadLine;
		this.ds = app.getBean(DataSource.class);
		this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		this.api = new GraphQlHttp(this.client, this.port, token);
	}

	record Scenario(int number, String name, LongFunction<HttpRequest> graphQl, LongFunction<HttpRequest> floor,
			boolean mutation) {
	}

	record Result(long requests, long errors, double seconds, double p50, double p99, double database,
			long bytes, long heapMax, long heapAfterGc, long fullGcs, String firstError) {

		String heap() {
			return (this.heapMax / (1024 * 1024)) + " / " + (this.heapAfterGc / (1024 * 1024)) + " / " + this.fullGcs;
		}

		double throughput() {
			return this.requests / this.seconds;
		}

	}

	void run() throws Exception {
		int maxConcurrency = Arrays.stream(this.concurrencies).max().orElse(32);
		this.heap.start();
		try (Floor floor = new Floor(this.ds, maxConcurrency)) {
			List<Scenario> scenarios = scenarios(floor.port());
			this.idleQuestions = idleQuestions();
			StringBuilder checks = new StringBuilder();
			for (Scenario s : scenarios) {
				if (s.floor() != null) {
					checks.append(compare(s)).append('\n');
				}
			}
			System.out.print(checks);
			Instant started = Instant.now();
			warmUp(scenarios);
			Map<String, Result[]> results = new LinkedHashMap<>();
			for (Scenario s : scenarios) {
				if (!selected(s)) {
					continue;
				}
				for (int c : this.concurrencies) {
					Result g = measure(s.graphQl(), c, s.mutation());
					Result f = (s.floor() != null) ? measure(s.floor(), c, false) : null;
					results.put(s.number() + "|" + c, new Result[] { g, f });
					System.out.printf("%d. %-40s c=%-2d GraphQL %8.1f req/s p50 %7.2f ms p99 %7.2f ms err %d db %.2f"
							+ "%s%n", s.number(), s.name(), c, g.throughput(), g.p50(), g.p99(), g.errors(), g.database(),
							(f == null) ? "" : String.format(" | floor %8.1f req/s p50 %7.2f ms p99 %7.2f ms err %d db %.2f"
									+ " | ratio %.2f | floor heap %s", f.throughput(), f.p50(), f.p99(), f.errors(), f.database(),
									g.throughput() / f.throughput(), f.heap()) + " | heap " + g.heap());
					if (g.firstError() != null) {
						System.out.println("   first GraphQL error: " + g.firstError());
					}
					if (f != null && f.firstError() != null) {
						System.out.println("   first floor error: " + f.firstError());
					}
				}
			}
			String flood = selected(10) ? flood(scenarios.stream().filter((s) -> s.number() == 2).findFirst().orElseThrow()) : "";
			String export = Boolean.parseBoolean(System.getProperty("bench.export", "true")) ? export() : "";
			String report = report(scenarios, results, checks.toString(), started) + flood + export;
			System.out.println();
			System.out.println(report);
			Path out = Path.of(System.getProperty("bench.results", "target/benchmark-results.md"));
			if (out.getParent() != null) {
				Files.createDirectories(out.getParent());
			}
			Files.writeString(out, report, StandardCharsets.UTF_8);
			System.out.println("Written to " + out.toAbsolutePath());
			Path runs = Path.of(System.getProperty("bench.history", "src/bench/results.tsv"));
			if (!Files.exists(runs)) {
				Files.writeString(runs, "started\tsize\t#\toperation\tc\treq/s\tp50 ms\tp99 ms\terrors\tSQL/req\t"
						+ "DB stmts/req\tfloor req/s\theap max MB\n", StandardCharsets.UTF_8);
			}
			Files.writeString(runs, this.history, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
			System.out.println("Appended to " + runs.toAbsolutePath());
		}
		finally {
			this.heap.stop();
		}
	}

	/**
	 * Drives every selected read scenario on both sides before anything is measured: otherwise the
	 * first cells would measure a JVM still compiling the service's code (the floor's, far smaller,
	 * compiles in its own warm-up). The mutation is left out, so as not to write rows for nothing.
	 */
	private void warmUp(List<Scenario> scenarios) throws InterruptedException {
		List<Scenario> reads = scenarios.stream().filter((s) -> selected(s) && !s.mutation()).toList();
		if (this.jitWarmup <= 0 || reads.isEmpty()) {
			return;
		}
		for (Scenario s : reads) {
			System.out.printf("Warming up on %d. %s (%d s each side)%n", s.number(), s.name(), this.jitWarmup);
			driveBothSides(s, this.jitWarmup);
		}
		settle(reads);
	}

	/**
	 * Goes on driving the read scenarios, 2 s a side each round, until the JIT compiler is busy for
	 * less than a tenth of a round, or {@code bench.jitSettle} seconds have passed. A fixed warm-up
	 * was not enough on 2 cores: the compiler was still at work on the service's code minutes later,
	 * and the first cells measured code not yet compiled.
	 */
	private void settle(List<Scenario> reads) throws InterruptedException {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		if (jit == null || !jit.isCompilationTimeMonitoringSupported() || this.jitSettle <= 0) {
			return;
		}
		long started = System.nanoTime();
		long deadline = started + this.jitSettle * 1_000_000_000L;
		double busy = 1;
		while (busy >= 0.1 && System.nanoTime() < deadline) {
			long compiled = jit.getTotalCompilationTime();
			long round = System.nanoTime();
			for (Scenario s : reads) {
				driveBothSides(s, 2);
			}
			busy = (jit.getTotalCompilationTime() - compiled) / ((System.nanoTime() - round) / 1e6);
			System.out.printf("JIT settling: the compiler was busy %.0f%% of the round%n", busy * 100);
		}
		this.settled = String.format(", then all of them in rounds of 2 s a side, %.0f s more; the compiler was busy "
				+ "%.0f%% of the last round",
				(System.nanoTime() - started) / 1e9, busy * 100);
	}

	private void driveBothSides(Scenario s, int seconds) throws InterruptedException {
		drive(s.graphQl(), 8, seconds, Harness::noErrors);
		if (s.floor() != null) {
			drive(s.floor(), 8, seconds, Harness::noErrors);
		}
	}

	private boolean selected(Scenario s) {
		return selected(s.number());
	}

	private boolean selected(int scenario) {
		return Arrays.asList(this.only.split(",")).contains(String.valueOf(scenario));
	}

	// ---- the scenarios and their arguments

	private List<Scenario> scenarios(int floorPort) throws SQLException {
		int every = Math.max(1, this.size.projects / 1000); // 1,000 projects spread over the table
		List<Long> projectIds = longs("SELECT id FROM project WHERE deleted_at IS NULL AND MOD(id, ?) = ? ORDER BY id LIMIT 1000",
				every, 7 % every);
		long sector = longs("SELECT sector_id FROM project WHERE deleted_at IS NULL GROUP BY sector_id "
				+ "ORDER BY COUNT(*) DESC, sector_id LIMIT ?", 1).get(0);
		long sectorProjects = longs("SELECT COUNT(*) FROM project WHERE deleted_at IS NULL AND sector_id = ?", sector).get(0);
		String sectorId = GlobalId.encode("Sector", sector);
		// deep in the list: walk 80% of the sector's projects in pages of 100, keep the last 20 cursors
		List<String> cursors = new ArrayList<>();
		long pages = Math.max(2, sectorProjects * 8 / 10 / 100);
		String after = null;
		long walkStart = System.nanoTime();
		for (long i = 0; i < pages; i++) {
			Map<String, Object> vars = new LinkedHashMap<>();
			vars.put("sector", sectorId);
			vars.put("after", after);
			JsonNode page = this.api.execute("query($sector: ID!, $after: String) { projects(filter: { sectorIds: [$sector] }, "
					+ "first: 100, after: $after) { pageInfo { endCursor } } }", vars).get("projects");
			after = page.at("/pageInfo/endCursor").asString();
			if (i >= pages - 20) {
				cursors.add(after);
			}
		}
		System.out.printf("Setup: %d projects for node/mutation, sector %d with %d projects, %d deep cursors after %d pages "
				+ "of 100 (%d ms)%n", projectIds.size(), sector, sectorProjects, cursors.size(), pages,
				(System.nanoTime() - walkStart) / 1_000_000);
		String floorBase = "http://127.0.0.1:" + floorPort;
		List<Scenario> list = new ArrayList<>();
		list.add(new Scenario(0, "{ __typename }: a request's fixed cost", (i) -> gql("{ __typename }", null),
				(i) -> get(floorBase + "/typename"), false));
		list.add(new Scenario(1, "node(id) of a project", (i) -> gql(NODE, Map.of("id", projectId(projectIds, i))),
				(i) -> get(floorBase + "/node?id=" + enc(projectId(projectIds, i))), false));
		list.add(new Scenario(2, "keyset page of 20, filtered, deep", (i) -> {
			Map<String, Object> vars = new LinkedHashMap<>();
			vars.put("sector", sectorId);
			vars.put("after", cursors.get((int) (i % cursors.size())));
			return gql(PAGE, vars);
		}, (i) -> get(floorBase + "/page?sector=" + enc(sectorId) + "&after=" + enc(cursors.get((int) (i % cursors.size())))),
				false));
		list.add(new Scenario(3, "(b) 1 enterprise > 10 projects > 10 investments", (i) -> gql(NESTED, Map.of("n", 1)),
				(i) -> get(floorBase + "/nested?n=1"), false));
		list.add(new Scenario(4, "50 enterprises > 10 projects > 10 investments", (i) -> gql(NESTED, Map.of("n", 50)),
				(i) -> get(floorBase + "/nested?n=50"), false));
		list.add(new Scenario(5, "investmentSummary(groupBy: [SECTOR, YEAR])", (i) -> gql(SUMMARY, null),
				(i) -> get(floorBase + "/summary"), false));
		list.add(new Scenario(6, "zoneYear(year: 2024) with targets", (i) -> gql(ZONE_YEAR, null), null, false));
		list.add(new Scenario(7, "recordInvestment mutation", (i) -> gql(RECORD, Map.of("id", projectId(projectIds, i))), null,
				true));
		// Not GraphQL: a small JSON answer of a plain Spring MVC controller, through the same server
		// and filters (the token checked as for /graphql), to tell the web stack's share of 0's cost.
		HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphiql/config.json"))
			.header("Authorization", "Bearer " + this.token)
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
		list.add(new Scenario(8, "GET /graphiql/config.json: the web stack alone", (i) -> plain, null, false));
		List<String> sectors = longs("SELECT sector_id FROM enterprise WHERE deleted_at IS NULL GROUP BY sector_id "
				+ "ORDER BY COUNT(*) DESC, sector_id LIMIT ?", 5).stream().map((id) -> GlobalId.encode("Sector", id)).toList();
		list.add(new Scenario(9, "(a) 5 sectors > 5 enterprises > 3 projects > 4 investments", (i) -> gql(SHAPE_A,
				Map.of("ids", sectors)), (i) -> get(floorBase + "/sectors?ids=" + enc(String.join(",", sectors))), false));
		return list;
	}

	private static String projectId(List<Long> ids, long i) {
		return GlobalId.encode("Project", ids.get((int) (i % ids.size())));
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private HttpRequest gql(String query, Map<String, Object> variables) {
		return this.api.request(GraphQlHttp.body(query, variables));
	}

	private static HttpRequest get(String uri) {
		return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).GET().build();
	}

	private List<Long> longs(String sql, long... parameters) throws SQLException {
		List<Long> values = new ArrayList<>();
		try (Connection c = this.ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				s.setLong(i + 1, parameters[i]);
			}
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getLong(1));
				}
			}
		}
		return values;
	}

	/** Whether the floor writes the same JSON as the service, for the first request of a scenario. */
	private String compare(Scenario s) throws IOException, InterruptedException {
		byte[] g = this.client.send(s.graphQl().apply(0), HttpResponse.BodyHandlers.ofByteArray()).body();
		byte[] f = this.client.send(s.floor().apply(0), HttpResponse.BodyHandlers.ofByteArray()).body();
		JsonNode gd = GraphQlHttp.JSON.readTree(g).get("data");
		JsonNode fd = GraphQlHttp.JSON.readTree(f).get("data");
		boolean same = gd != null && gd.equals(fd);
		String line = String.format("Check %d (%s): floor data %s GraphQL data; response bytes GraphQL %d (with extensions), "
				+ "floor %d", s.number(), s.name(), same ? "==" : "!=", g.length, f.length);
		if (!same) {
			String gs = String.valueOf(gd);
			String fs = String.valueOf(fd);
			int at = 0;
			while (at < Math.min(gs.length(), fs.length()) && gs.charAt(at) == fs.charAt(at)) {
				at++;
			}
			line += "\n   differ at char " + at + ": GraphQL ..." + gs.substring(Math.max(0, at - 60), Math.min(gs.length(), at + 80))
					+ "\n   floor   ..." + fs.substring(Math.max(0, at - 60), Math.min(fs.length(), at + 80));
		}
		return line;
	}

	/**
	 * The whole ledger through {@code GET /export/investments.jsonl}, read and dropped as it comes:
	 * the time, the bytes and the heap it took (the export streams, so the heap should not grow with
	 * the rows).
	 */
	private String export() throws Exception {
		System.gc();
		this.heap.resetWindow();
		long started = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/export/investments.jsonl"))
			.header("Authorization", "Bearer " + this.token)
			.build();
		long[] counts = new long[2];
		HttpResponse<java.io.InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (java.io.InputStream in = response.body()) {
			byte[] buffer = new byte[65536];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				counts[0] += n;
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						counts[1]++;
					}
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		String line = String.format("%n## Export%n%n`GET /export/investments.jsonl` (status %d): %,d rows, %,d MB in %.1f s "
				+ "(%,.0f rows/s); heap while it ran: max used %d MB, max left after a collection %d MB.%n",
				response.statusCode(), counts[1], counts[0] / (1024 * 1024), seconds, counts[1] / seconds,
				this.heap.windowMax() / (1024 * 1024), this.heap.windowAfterGc() / (1024 * 1024));
		System.out.print(line);
		return line;
	}

	// ---- the load

	private Result measure(LongFunction<HttpRequest> requests, int concurrency, boolean mutation) throws InterruptedException {
		Answered ok = mutation ? Harness::noUserErrors : Harness::noErrors;
		drive(requests, concurrency, this.warmup, ok);
		return measured(requests, concurrency, ok);
	}

	/** One measured window: the requests' latencies, the heap, and the database's statements less its idle rate. */
	private Result measured(LongFunction<HttpRequest> requests, int concurrency, Answered ok) throws InterruptedException {
		this.heap.resetWindow();
		long fullGcsBefore = fullGcs();
		long questionsBefore = questions();
		Drive d = drive(requests, concurrency, this.duration, ok);
		double questions = questions() - questionsBefore - 1 - this.idleQuestions * d.seconds;
		return result(d, questions, fullGcsBefore);
	}

	private Result result(Drive d, double questions, long fullGcsBefore) {
		long[] all = d.latencies();
		Arrays.sort(all);
		double p50 = all.length == 0 ? Double.NaN : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.50) - 1)] / 1e6;
		double p99 = all.length == 0 ? Double.NaN : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6;
		return new Result(all.length, d.errors.get(), d.seconds, p50, p99, all.length == 0 ? 0 : Math.max(0, questions) / all.length,
				all.length == 0 ? 0 : d.bytes.get() / all.length, this.heap.windowMax(), this.heap.windowAfterGc(),
				fullGcs() - fullGcsBefore, d.firstError);
	}

	/**
	 * The statements the database is sent each second while nothing is asked of the service (its
	 * change sequencer's and webhook dispatcher's ticks), measured over 5 s before the first cell, to
	 * be taken off each cell's count: what is left is what the requests cost the database, the
	 * token's and the budget's statements included. The service runs without its own statement
	 * counter ({@code zone.count-statements}), as in production: the database's count costs the
	 * service nothing.
	 */
	private double idleQuestions() throws InterruptedException {
		long before = questions();
		long started = System.nanoTime();
		Thread.sleep(5000);
		double rate = (questions() - before - 1) / ((System.nanoTime() - started) / 1e9);
		System.out.printf("Idle: the database is sent %.1f statements a second with no request running%n", rate);
		return rate;
	}

	/**
	 * One client floods over its budget while another keeps working: the worker's p50 and p99 alone
	 * before the flood, during it and alone after it (how much the worker moves with no flood is the
	 * noise the flood's effect is read against), and what a refused request costs the database (its
	 * statements during the flood, less the worker's at its own rate alone, over the flood's
	 * requests). The flood comes from the public (no token), whose budget the benchmark sets small
	 * ({@code zone.rate.public-capacity}).
	 */
	private String flood(Scenario work) throws Exception {
		int workers = 4;
		int flooders = 4;
		HttpRequest refused = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(GraphQlHttp.body("{ zoneYear(year: 2024) { year } }", null)))
			.build();
		Result alone = measure(work.graphQl(), workers, false);
		Drive[] flood = new Drive[1];
		Thread flooding = new Thread(() -> {
			try {
				flood[0] = drive((i) -> refused, flooders, this.warmup + this.duration + 1, Harness::rateLimited);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "bench-flood");
		flooding.start();
		Thread.sleep(1000);
		drive(work.graphQl(), workers, this.warmup - 1, Harness::noErrors);
		Result during = measured(work.graphQl(), workers, Harness::noErrors);
		flooding.join();
		// alone once more, after the flood: the two measures alone show how far the worker moves with no flood at all
		Result after = measure(work.graphQl(), workers, false);
		Drive f = flood[0];
		long floodRequests = Arrays.stream(f.counts).sum();
		double floodRate = floodRequests / f.seconds;
		long floodRefused = floodRequests - f.errors.get();
		// the flood's requests while the worker was measured, at the flood's mean rate
		double floodMeasured = floodRate * during.seconds();
		double floodStatements = (during.database() - alone.database()) * during.requests() / floodMeasured;
		String line = String.format("%n## Flood%n%nThe public floods over its budget from one address (%d workers sending `{ zoneYear(year: "
				+ "2024) { year } }`, all the public may read, as fast as they are answered) while an API client keeps working (operation %d, %d workers). "
				+ "The flood: %,.0f req/s, %.1f%% refused over budget (RATE_LIMITED), %.2f database statements per flood request. "
				+ "The worker alone before the flood: %.1f req/s, p50 %.2f ms, p99 %.2f ms; during the flood: %.1f req/s, p50 %.2f ms, "
				+ "p99 %.2f ms, %d errors; alone after the flood: %.1f req/s, p50 %.2f ms, p99 %.2f ms.%n", flooders, work.number(),
				workers, floodRate, 100.0 * floodRefused / Math.max(1, floodRequests), Math.max(0, floodStatements),
				alone.throughput(), alone.p50(), alone.p99(), during.throughput(), during.p50(), during.p99(), during.errors(),
				after.throughput(), after.p50(), after.p99());
		System.out.print(line);
		history(Instant.now(), 10, "flood: operation " + work.number() + " beside a refused flood", workers, during,
				String.format("%.2f", Math.max(0, floodStatements)), String.format("%.1f", floodRate));
		return line;
	}

	/** A cell's line for the results file; its SQL/req column is left empty (the service counts no statements). */
	private void history(Instant started, int number, String name, int concurrency, Result result, String statements,
			String other) {
		this.history.append(String.join("\t", started.toString(), String.valueOf(this.size), String.valueOf(number), name,
				String.valueOf(concurrency), String.format("%.1f", result.throughput()), String.format("%.2f", result.p50()),
				String.format("%.2f", result.p99()), String.valueOf(result.errors()), "", statements, other,
				String.valueOf(result.heapMax() / (1024 * 1024)))).append('\n');
	}

	/** A request refused over its budget: 429, or an answer classified RATE_LIMITED. */
	private static boolean rateLimited(int status, byte[] body) {
		return status == 429 || contains(body, "RATE_LIMITED");
	}

	/**
	 * The statements the database has been sent so far, by anyone (MariaDB's {@code Questions}): what
	 * the service's own count leaves out, the budget's and the token's included, and the change
	 * sequencer's and webhook dispatcher's ticks (some 35 a second, whatever the load).
	 */
	private long questions() {
		try (Connection c = this.ds.getConnection(); PreparedStatement s = c.prepareStatement("SHOW GLOBAL STATUS LIKE 'Questions'");
				ResultSet rs = s.executeQuery()) {
			return rs.next() ? rs.getLong(2) : 0;
		}
		catch (SQLException ex) {
			return 0;
		}
	}

	/** Collections of the whole heap so far (G1's "Old Generation" collector is its full collection). */
	private static long fullGcs() {
		long count = 0;
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (bean.getName().contains("Old") || bean.getName().contains("MarkSweep")) {
				count += bean.getCollectionCount();
			}
		}
		return count;
	}

	/** Whether an answer is the one a scenario expects. */
	private interface Answered {

		boolean test(int status, byte[] body);

	}

	private static boolean noErrors(int status, byte[] body) {
		return status == 200 && !contains(body, "\"errors\"");
	}

	private static boolean noUserErrors(int status, byte[] body) {
		return noErrors(status, body) && contains(body, "\"userErrors\":[]");
	}

	private static boolean contains(byte[] body, String text) {
		return new String(body, StandardCharsets.UTF_8).contains(text);
	}

	private static final class Drive {

		final AtomicLong errors = new AtomicLong();

		final AtomicLong bytes = new AtomicLong();

		final List<long[]> perThread = new ArrayList<>();

		final int[] counts;

		volatile String firstError;

		double seconds;

		Drive(int threads) {
			this.counts = new int[threads];
			for (int i = 0; i < threads; i++) {
				this.perThread.add(new long[4096]);
			}
		}

		long[] latencies() {
			int total = Arrays.stream(this.counts).sum();
			long[] all = new long[total];
			int at = 0;
			for (int t = 0; t < this.counts.length; t++) {
				System.arraycopy(this.perThread.get(t), 0, all, at, this.counts[t]);
				at += this.counts[t];
			}
			return all;
		}

	}

	private Drive drive(LongFunction<HttpRequest> requests, int concurrency, int seconds, Answered ok)
			throws InterruptedException {
		Drive d = new Drive(concurrency);
		AtomicLong sequence = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + seconds * 1_000_000_000L;
		Thread[] threads = new Thread[concurrency];
		for (int t = 0; t < concurrency; t++) {
			int me = t;
			threads[t] = new Thread(() -> {
				long[] mine = d.perThread.get(me);
				int n = 0;
				while (System.nanoTime() < deadline) {
					HttpRequest request = requests.apply(sequence.getAndIncrement());
					long t0 = System.nanoTime();
					boolean good;
					String problem = null;
					try {
						HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
						good = ok.test(response.statusCode(), response.body());
						d.bytes.addAndGet(response.body().length);
						if (!good) {
							problem = "HTTP " + response.statusCode() + " "
									+ new String(response.body(), 0, Math.min(400, response.body().length), StandardCharsets.UTF_8);
						}
					}
					catch (IOException ex) {
						good = false;
						problem = ex.toString();
					}
					catch (InterruptedException ex) {
						return;
					}
					long elapsed = System.nanoTime() - t0;
					if (n == mine.length) {
						mine = Arrays.copyOf(mine, mine.length * 2);
						d.perThread.set(me, mine);
					}
					mine[n++] = elapsed;
					d.counts[me] = n;
					if (!good) {
						d.errors.incrementAndGet();
						if (d.firstError == null) {
							d.firstError = problem;
						}
					}
				}
			}, "bench-" + t);
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		d.seconds = (System.nanoTime() - start) / 1e9;
		return d;
	}

	// ---- the report

	private String report(List<Scenario> scenarios, Map<String, Result[]> results, String checks, Instant started) {
		StringBuilder md = new StringBuilder();
		Runtime rt = Runtime.getRuntime();
		md.append("## Results (").append(Instant.now()).append(")\n\n");
		md.append("- Machine: ").append(rt.availableProcessors()).append(" cores, ")
			.append(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
					? os.getTotalMemorySize() / (1024 * 1024 * 1024) + " GB RAM" : "? RAM")
			.append(", ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
			.append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
		md.append("- JVM max heap (-Xmx): ").append(rt.maxMemory() / (1024 * 1024)).append(" MB; max used heap sampled every 50 ms: ")
			.append(this.heap.max() / (1024 * 1024)).append(" MB; max heap left after a collection: ")
			.append(this.heap.maxAfterGc() / (1024 * 1024)).append(" MB; GC: ").append(gc()).append('\n');
		md.append("- Data: size ").append(this.size).append(" (").append(this.loadLine).append(")\n");
		md.append("- Each cell: ").append(this.warmup).append(" s warm-up, then ").append(this.duration)
			.append(" s measured; HTTP/1.1, one request per worker at a time; service, floor, load generator and MariaDB "
					+ "share the machine\n");
		md.append("- Before the first cell: each read scenario driven ").append(this.jitWarmup)
			.append(" s on each side at concurrency 8").append(this.settled).append(" (the JVM's warm-up)\n");
		md.append("- Floor check (first request of each scenario):\n");
		for (String line : checks.split("\n")) {
			if (!line.isBlank()) {
				md.append("  - ").append(line.strip()).append('\n');
			}
		}
		md.append('\n');
		md.append(String.format("- DB stmts/req: what the database was sent during the cell (MariaDB's `Questions`), less its idle rate "
				+ "(%.1f a second: the service's background ticks), over the requests; the token's and the budget's statements "
				+ "included. The service counts no statements of its own (`zone.count-statements` off, as in production).%n%n",
				this.idleQuestions));
		md.append("| # | operation | c | GraphQL req/s | p50 ms | p99 ms | errors | DB stmts/req | floor req/s | floor p50 ms | "
				+ "floor p99 ms | floor errors | floor DB stmts/req | ratio | bytes/resp | GraphQL heap: max used MB / after GC MB / full GCs |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Scenario s : scenarios) {
			for (int c : this.concurrencies) {
				Result[] r = results.get(s.number() + "|" + c);
				if (r == null) {
					continue;
				}
				Result g = r[0];
				Result f = r[1];
				md.append(String.format("| %d | %s | %d | %.1f | %.2f | %.2f | %d | %.2f | ", s.number(), s.name(), c,
						g.throughput(), g.p50(), g.p99(), g.errors(), g.database()));
				history(started, s.number(), s.name(), c, g, String.format("%.2f", g.database()),
						(f != null) ? String.format("%.1f", f.throughput()) : "");
				if (f != null) {
					md.append(String.format("%.1f | %.2f | %.2f | %d | %.2f | **%.2f** | ", f.throughput(), f.p50(), f.p99(),
							f.errors(), f.database(), g.throughput() / f.throughput()));
				}
				else {
					md.append("– | – | – | – | – | – | ");
				}
				md.append(g.bytes()).append(f != null ? " / " + f.bytes() : "").append(" | ")
					.append(g.heap()).append(" |\n");
			}
		}
		md.append('\n').append("Run took ").append(Duration.between(started, Instant.now()).toSeconds()).append(" s.\n");
		return md.toString();
	}

	private static String gc() {
		StringBuilder gc = new StringBuilder();
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			gc.append(bean.getName()).append(' ').append(bean.getCollectionCount()).append(" collections ")
				.append(bean.getCollectionTime()).append(" ms; ");
		}
		return gc.toString().strip();
	}

	/**
	 * The largest heap in use, sampled every 50 ms (garbage not yet collected included), and the
	 * largest heap left after a collection (what was still reachable, plus old regions the
	 * collection did not visit): overall and since the last reset.
	 */
	private static final class HeapSampler {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final Set<String> heapPools = new HashSet<>();

		private final List<NotificationEmitter> emitters = new ArrayList<>();

		private final NotificationListener afterGc = (notification, handback) -> {
			if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
				return;
			}
			var info = GarbageCollectionNotificationInfo
				.from((CompositeData) notification.getUserData());
			long after = 0;
			for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
				if (this.heapPools.contains(pool.getKey())) {
					after += pool.getValue().getUsed();
				}
			}
			synchronized (this) {
				this.maxAfterGc = Math.max(this.maxAfterGc, after);
				this.windowAfterGc = Math.max(this.windowAfterGc, after);
			}
		};

		private volatile long max;

		private volatile long window;

		private long maxAfterGc;

		private long windowAfterGc;

		private volatile boolean running = true;

		private Thread thread;

		void start() {
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					this.heapPools.add(pool.getName());
				}
			}
			for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (gc instanceof NotificationEmitter emitter) {
					emitter.addNotificationListener(this.afterGc, null, null);
					this.emitters.add(emitter);
				}
			}
			this.thread = new Thread(() -> {
				while (this.running) {
					long used = this.memory.getHeapMemoryUsage().getUsed();
					if (used > this.max) {
						this.max = used;
					}
					if (used > this.window) {
						this.window = used;
					}
					try {
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		synchronized void resetWindow() {
			this.window = 0;
			this.windowAfterGc = 0;
		}

		long windowMax() {
			return this.window;
		}

		synchronized long windowAfterGc() {
			return this.windowAfterGc;
		}

		long max() {
			return this.max;
		}

		synchronized long maxAfterGc() {
			return this.maxAfterGc;
		}

		void stop() {
			this.running = false;
			if (this.thread != null) {
				this.thread.interrupt();
			}
			for (NotificationEmitter emitter : this.emitters) {
				try {
					emitter.removeNotificationListener(this.afterGc);
				}
				catch (ListenerNotFoundException ex) {
					// already gone
				}
			}
		}

	}

}
