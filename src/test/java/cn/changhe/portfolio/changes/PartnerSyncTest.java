package cn.changhe.portfolio.changes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's partner loop, run as a partner would run it: {@code src/examples/PartnerSync.java}
 * with nothing but the JDK exports what the partner may see, then follows the feed; its copy holds
 * exactly the records the partner's queries show, and a later run brings in a change made meanwhile.
 */
class PartnerSyncTest extends ApiTest {

	@Test
	void theExampleClientKeepsAPartnersCopy() throws Exception {
		Path copy = Path.of("target/partner-copy-" + UUID.randomUUID());
		run(copy);
		HttpGraphQlTester partner = as("demo-partner-cicc");
		List<String> expected = new ArrayList<>();
		expected.addAll(strings(partner, "{ funds(first: 100) { nodes { id } } }", "funds.nodes[*].id"));
		expected.addAll(strings(partner, "{ funds(first: 100) { nodes { commitments { id } } } }", "funds.nodes[*].commitments[*].id"));
		expected.addAll(strings(partner, "{ investments(first: 100) { nodes { id } } }", "investments.nodes[*].id"));
		expected.addAll(strings(partner, "{ enterprises(first: 100) { nodes { id } } }", "enterprises.nodes[*].id"));
		expected.addAll(strings(partner, "{ investors(first: 100) { nodes { id } } }", "investors.nodes[*].id"));
		List<String> records = records(copy);
		// the copy holds the partner's records (and its investor, if a change brought it): nothing else
		assertThat(expected).containsAll(records);
		assertThat(records).containsAll(expected.stream().filter((id) -> !id.startsWith("SW52ZXN0b3I")).toList());

		Map<String, Object> fund = partner.document("{ funds(first: 1) { nodes { id version } } }").execute()
			.path("funds.nodes[0]").entity(Map.class).get();
		int version = query("query($id: ID!) { node(id: $id) { ... on Fund { version } } }", "node.version",
				Map.of("id", fund.get("id")));
		mutate("""
				mutation($input: UpdateFundInput!) { updateFund(input: $input) { fund { id } userErrors { code } } }""",
				"updateFund", Map.of("id", fund.get("id"), "expectedVersion", version, "nameEn", "Synced by the example"));
		Path file = copy.resolve("records").resolve(fund.get("id") + ".json");
		for (int attempt = 0; attempt < 40 && !Files.readString(file).contains("Synced by the example"); attempt++) {
			Thread.sleep(100);
			run(copy);
		}
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Synced by the example");
	}

	private void run(Path copy) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "src/examples/PartnerSync.java", "http://localhost:" + this.port,
				"demo-partner-cicc", copy.toString(), "--once")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}


	private static List<String> records(Path copy) throws IOException {
		try (Stream<Path> files = Files.list(copy.resolve("records"))) {
			return files.map((file) -> file.getFileName().toString().replace(".json", "")).toList();
		}
	}

}
