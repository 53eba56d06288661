package cn.changhe.portfolio.changes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk export through HTTP: for each role its rows are exactly what its queries show (ids and
 * figures), filtered like the field by query parameters, as JSON lines or as CSV with a BOM, gzipped
 * when asked; it names the feed's position at its snapshot; what a role may not read is refused.
 */
class ExportTest extends ApiTest {

	private static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	@Test
	void anAnalystsAndAPartnersExportsHoldWhatTheirQueriesShow() {
		for (String token : List.of("demo-analyst", "demo-partner-cicc")) {
			List<String> investments = as(token).document("{ investments(first: 100) { totalCount nodes { id } } }")
				.execute()
				.path("investments.nodes[*].id")
				.entityList(String.class)
				.get();
			int total = as(token).document("{ investments { totalCount } }").execute().path("investments.totalCount")
				.entity(Integer.class).get();
			List<Map<String, Object>> exported = jsonl(get("/export/investments.jsonl", token, null));
			assertThat(exported).as(token).hasSize(total);
			assertThat(exported.stream().map((row) -> row.get("id")).toList()).as(token).containsAll(investments);
			List<String> funds = as(token).document("{ funds(first: 100) { nodes { id } } }").execute().path("funds.nodes[*].id")
				.entityList(String.class).get();
			assertThat(jsonl(get("/export/funds.jsonl", token, null)).stream().map((row) -> row.get("id")).toList())
				.as(token).containsExactlyInAnyOrderElementsOf(funds);
			List<String> commitments = as(token).document("{ funds(first: 100) { nodes { commitments { id } } } }").execute()
				.path("funds.nodes[*].commitments[*].id").entityList(String.class).get();
			assertThat(jsonl(get("/export/commitments.jsonl", token, null)).stream().map((row) -> row.get("id")).toList())
				.as(token).containsExactlyInAnyOrderElementsOf(commitments);
		}
		Map<String, Object> first = jsonl(get("/export/investments.jsonl", "demo-analyst", null)).get(0);
		String amount = query("query($id: ID!) { node(id: $id) { ... on Investment { amount { amount } } } }", "node.amount.amount",
				Map.of("id", first.get("id"))).toString();
		assertThat(new java.math.BigDecimal(first.get("amount.yuan").toString())).isEqualByComparingTo(amount);
	}

	@Test
	void theFieldsFilterIsGivenByQueryParametersAndCsvOpensInExcel() {
		int fixed2024 = query("{ investments(filter: { kind: [FIXED_ASSET], yearFrom: 2024, yearTo: 2024 }) { totalCount } }",
				"investments.totalCount");
		String csv = new String(get("/export/investments.csv?kind=FIXED_ASSET&yearFrom=2024&yearTo=2024", "demo-analyst", null)
			.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFid,kind,");
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(fixed2024 + 1);
		assertThat(lines.subList(1, lines.size())).allSatisfy((line) -> assertThat(line).contains(",FIXED_ASSET,").contains(",2024,"));
		String projects = new String(get("/export/projects.csv", "demo-analyst", null).getResponseBody(), StandardCharsets.UTF_8);
		List<Integer> widths = projects.lines().map(ExportTest::cells).distinct().toList();
		assertThat(widths).as("every row as wide as the header, a project without foreign investment too").hasSize(1);
		assertThat(projects.lines().findFirst().orElseThrow()).contains("foreignInvestment.yuan,foreignInvestment.currency");
		int started2024 = query("{ projects(filter: { reached: { stage: STARTED, year: 2024 } }) { totalCount } }",
				"projects.totalCount");
		assertThat(jsonl(get("/export/projects.jsonl?reached.stage=STARTED&reached.year=2024", "demo-analyst", null)))
			.hasSize(started2024);
	}

	@Test
	void gzipWhenAskedAndTheFeedFollowsOnFromTheExportsCursor() throws IOException {
		EntityExchangeResult<byte[]> plain = get("/export/enterprises.jsonl", "demo-analyst", null);
		EntityExchangeResult<byte[]> zipped = get("/export/enterprises.jsonl", "demo-analyst", "gzip");
		assertThat(zipped.getResponseHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
		byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.getResponseBody())).readAllBytes();
		assertThat(new String(unzipped, StandardCharsets.UTF_8)).isEqualTo(new String(plain.getResponseBody(), StandardCharsets.UTF_8));
		String cursor = plain.getResponseHeaders().getFirst("Zone-Changes-Cursor");
		assertThat(cursor).isNotBlank();
		String fund = query("{ funds(first: 1) { nodes { id version } } }", "funds.nodes[0].id");
		int version = query("{ funds(first: 1) { nodes { id version } } }", "funds.nodes[0].version");
		mutate("""
				mutation($input: UpdateFundInput!) { updateFund(input: $input) { fund { id } userErrors { code } } }""",
				"updateFund", Map.of("id", fund, "expectedVersion", version, "nameEn", "Export cursor test"));
		List<Object> after = null;
		for (int attempt = 0; attempt < 100; attempt++) {
			after = query("query($after: String) { changes(after: $after) { nodes { entityId } } }", "changes.nodes[*].entityId",
					Map.of("after", cursor));
			if (after.contains(fund)) {
				break;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		assertThat(after).contains(fund);
	}

	@Test
	void whatARoleMayNotReadIsRefusedAndABadFilterNamesItsParameter() {
		this.http.get().uri("/export/projects.csv").header("Authorization", "Bearer demo-partner-cicc").exchange()
			.expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
		this.http.get().uri("/export/funds.csv").exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
		this.http.get().uri("/export/sectors.csv").header("Authorization", "Bearer demo-analyst").exchange()
			.expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
		this.http.get().uri("/export/investments.jsonl?yearFrom=soon").header("Authorization", "Bearer demo-analyst").exchange()
			.expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
			.expectBody().jsonPath("$.errors[0].extensions.argument").isEqualTo("filter.yearFrom");
		this.http.get().uri("/export/investments.jsonl?sectorIds=nonsense").header("Authorization", "Bearer demo-analyst").exchange()
			.expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
			.expectBody().jsonPath("$.errors[0].extensions.argument").isEqualTo("filter.sectorIds");
	}

	/** The cells of a CSV line (commas inside quotes are not separators). */
	private static int cells(String line) {
		int cells = 1;
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells++;
			}
		}
		return cells;
	}

	private EntityExchangeResult<byte[]> get(String path, String token, String encoding) {
		var request = this.http.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build()
			.get()
			.uri(path)
			.header("Authorization", "Bearer " + token);
		if (encoding != null) {
			request = request.header("Accept-Encoding", encoding);
		}
		return request.exchange().expectStatus().isOk().expectBody(byte[].class).returnResult();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> jsonl(EntityExchangeResult<byte[]> result) {
		String text = new String(result.getResponseBody(), StandardCharsets.UTF_8);
		return Arrays.stream(text.split("\n")).filter((line) -> !line.isBlank())
			.map((line) -> (Map<String, Object>) EXACT.readValue(line, Map.class))
			.toList();
	}

}
