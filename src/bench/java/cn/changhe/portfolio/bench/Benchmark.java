package cn.changhe.portfolio.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import cn.changhe.portfolio.PortfolioApplication;
import cn.changhe.portfolio.bench.ScaleDataset.Size;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark: {@code load} loads the M dataset into the data directory unless it is there,
 * {@code run} starts the service on it and drives the seven operations and the hand-written floor
 * over HTTP, {@code all} (the default) does both. See BENCHMARK.md.
 *
 * <p>System properties: {@code bench.dataDir} (default {@code target/bench-data}; keep it out of
 * the temporary directory, which the embedded server wipes), {@code bench.size} (M or S),
 * {@code bench.warmup} and {@code bench.duration} (seconds per scenario and concurrency, default 5
 * and 10), {@code bench.concurrency} (default 1,8,32), {@code bench.scenarios} (default all),
 * {@code bench.results} (default target/benchmark-results.md).
 */
public final class Benchmark {

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		String command = (args.length > 0) ? args[0] : "all";
		if (!command.equals("load") && !command.equals("run") && !command.equals("all")) {
			System.err.println("usage: Benchmark [load|run|all]");
			System.exit(2);
		}
		Path dataDir = Path.of(System.getProperty("bench.dataDir", "target/bench-data")).toAbsolutePath();
		Size size = Size.valueOf(System.getProperty("bench.size", "M"));
		// the embedded server's scratch space lives under java.io.tmpdir (target/tmp with the Maven profile)
		Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
		String token = "bench-" + UUID.randomUUID();
		System.out.println("Starting the service on " + dataDir + " ...");
		ConfigurableApplicationContext app = new SpringApplicationBuilder(PortfolioApplication.class).run(
				"--server.port=0", "--zone.embedded.data-dir=" + dataDir, "--zone.demo-data=false",
				// the limiter on, as users run it, with a budget no scenario exhausts
				"--zone.bootstrap-token=" + token, "--zone.rate.capacity=1000000000000",
				"--zone.rate.restore-per-second=1000000000",
				// the public's budget small, for the flood (scenario 10): no other scenario runs without a token
				"--zone.rate.public-capacity=100", "--zone.rate.public-restore-per-second=1",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.cn.changhe=INFO");
		int code = 0;
		try {
			DataSource ds = app.getBean(DataSource.class);
			Path loadLog = dataDir.resolve("bench-load.txt");
			if (!ScaleDataset.isLoaded(ds, size)) {
				// run needs the data as much as load does: load it first if it is not there
				System.out.println("Loading size " + size + " into " + dataDir + " ...");
				long start = System.nanoTime();
				ScaleDataset.load(ds, size, (line) -> System.out.println("  " + line));
				long seconds = (System.nanoTime() - start) / 1_000_000_000L;
				String line = "loaded in " + seconds + " s on " + java.time.LocalDate.now();
				System.out.println("Size " + size + " " + line);
				Files.writeString(loadLog, line + "\n", StandardCharsets.UTF_8);
			}
			else {
				System.out.println("Size " + size + " is already loaded in " + dataDir + ": "
						+ (Files.exists(loadLog) ? Files.readString(loadLog).strip() : "(load time not recorded)"));
			}
			if (!command.equals("load")) {
				String loadLine = Files.exists(loadLog) ? Files.readString(loadLog).strip() : "load time not recorded";
				// an API client of its own, as every user of the API has: not the bootstrap token
				new Harness(app, client(app, token), size, loadLine).run();
			}
		}
		catch (Exception | Error ex) {
			ex.printStackTrace();
			code = 1;
		}
		finally {
			app.close();
		}
		System.exit(code);
	}

	/** A new EDITOR client's token, issued with the bootstrap token. */
	private static String client(ConfigurableApplicationContext app, String bootstrap) throws Exception {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		GraphQlHttp admin = new GraphQlHttp(GraphQlHttp.newClient(), port, bootstrap);
		return admin.execute("mutation($name: String!) { createApiClient(input: { name: $name, role: EDITOR }) { token } }",
				java.util.Map.of("name", "bench-" + UUID.randomUUID().toString().substring(0, 8)))
			.at("/createApiClient/token")
			.asString();
	}

}
