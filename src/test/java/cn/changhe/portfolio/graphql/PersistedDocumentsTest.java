package cn.changhe.portfolio.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.Node;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents sent by their hash: Apollo's automatic persisted queries (as Apollo Client's own link
 * sends them, over GET), the registered documents, a hash that does not match its text, and a
 * store that stays bounded however many distinct documents clients persist.
 */
class PersistedDocumentsTest extends ApiTest {

	// language=GraphQL
	private static final String YEAR = "query Year($year: Int!) { zoneYear(year: $year) { year indicators { code value } } }";

	@Autowired
	private PersistedDocuments persisted;

	@Autowired
	private DocumentCache documents;

	@Autowired
	private RegisteredDocuments registered;

	@Autowired
	private DocumentProperties properties;

	@Autowired
	private GraphQlSource source;

	@Test
	void apolloClientsPersistedQueriesLinkWorksUnchangedOverGet() throws Exception {
		List<String> lines = Node.run("apollo-persisted.mjs", "http://localhost:" + this.port + "/graphql", "demo-analyst",
				YEAR.replace("query Year", "query ApolloYear"), "{\"year\": 2024}");
		JsonMapper json = JsonMapper.builder().build();
		List<Printed> printed = lines.stream().map((line) -> json.readValue(line, Printed.class)).toList();

		assertThat(printed).extracting(Printed::request)
			.filteredOn((request) -> request != null)
			.as("the link's requests: the hash alone by GET, not found; the text with it by POST; then the hash alone")
			.containsExactly(new Request("GET", 400, true), new Request("POST", 200, false), new Request("GET", 200, true));
		List<Map<String, Object>> answers = printed.stream().map(Printed::data).filter((data) -> data != null).toList();
		assertThat(answers).hasSize(2);
		assertThat(answers.get(0)).isEqualTo(answers.get(1)).extracting("zoneYear.year").isEqualTo(2024);
	}

	/** A line the Apollo script printed: a request its link made, or an answer. */
	record Printed(Request request, Map<String, Object> data, String error) {
	}

	record Request(String method, int status, boolean hashOnly) {
	}

	@Test
	void anUnknownHashIsPersistedQueryNotFoundAndTheTextWithItRunsAndIsKept() {
		String document = "query Unknown { sectors { code } }";
		String hash = RegisteredDocuments.sha256(document);

		byHash(hash).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.errors[0].extensions.persistedQueryId")
			.isEqualTo(hash);
		post(Map.of("query", document, "extensions", persistedQuery(hash))).expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.sectors[0].code")
			.isNotEmpty();
		byHash(hash).expectBody().jsonPath("$.errors").doesNotExist().jsonPath("$.data.sectors[0].code").isNotEmpty();
		// a hash in capitals is the same hash
		byHash(hash.toUpperCase()).expectBody().jsonPath("$.data.sectors[0].code").isNotEmpty();
	}

	@Test
	void aTextThatDoesNotMatchItsHashIsRefusedAndNotKept() {
		String kept = "query Kept { sectors { code } }";
		String keptHash = RegisteredDocuments.sha256(kept);
		post(Map.of("query", kept, "extensions", persistedQuery(keptHash))).expectBody().jsonPath("$.errors").doesNotExist();
		String other = "query Other { sectors { name } }";
		String otherHash = RegisteredDocuments.sha256("query Elsewhere { sectors { name } }");

		for (String hash : List.of(keptHash, otherHash)) {
			post(Map.of("query", other, "extensions", persistedQuery(hash))).expectBody()
				.jsonPath("$.data")
				.doesNotExist()
				.jsonPath("$.errors[0].message")
				.isEqualTo("PersistedQueryIdInvalid")
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("PERSISTED_QUERY_ID_INVALID");
		}
		byHash(otherHash).expectBody().jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound");
		byHash(keptHash).expectBody().jsonPath("$.data.sectors[0].code").isNotEmpty().jsonPath("$.data.sectors[0].name").doesNotExist();
	}

	@Test
	void aMalformedPersistedQueryIsABadRequestThatNamesTheExtensions() {
		for (Object malformed : List.of("abc", Map.of("version", 1, "sha256Hash", "abc"),
				Map.of("version", 2, "sha256Hash", RegisteredDocuments.sha256("{ sectors { code } }")))) {
			post(Map.of("extensions", Map.of("persistedQuery", malformed))).expectBody()
				.jsonPath("$.errors[0].extensions.classification")
				.isEqualTo("BAD_REQUEST")
				.jsonPath("$.errors[0].extensions.parameter")
				.isEqualTo("extensions");
		}
	}

	@Test
	void theRegisteredExamplesRunByTheirHashAlone() {
		assertThat(this.registered.all().values()).extracting(RegisteredDocuments.Registered::file).contains("welcome.graphql");
		String welcome = this.registered.all()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().file().equals("welcome.graphql"))
			.findFirst()
			.orElseThrow()
			.getKey();
		byHash(welcome)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.registered.totalCount")
			.isEqualTo(18)
			.jsonPath("$.data.started.totalCount")
			.isEqualTo(16);
	}

	@Test
	void everyRegisteredDocumentIsValidAgainstTheSchema() {
		assertThat(this.registered.all()).isNotEmpty();
		for (RegisteredDocuments.Registered document : this.registered.all().values()) {
			ParseAndValidateResult result = ParseAndValidate.parseAndValidate(this.source.schema(),
					ExecutionInput.newExecutionInput(document.text()).build());
			assertThat(result.getErrors()).as(document.file()).isEmpty();
		}
	}

	@Test
	void tenThousandDistinctDocumentsKeepTheStoresBounded() throws Exception {
		String padding = "#" + "长合区".repeat(200) + "\n";
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<Object>> sent = IntStream.range(0, 10_000).mapToObj((i) -> clients.submit(() -> {
				String document = padding + "query Distinct" + i + " { sectors { code } }";
				post(Map.of("query", document, "extensions", persistedQuery(RegisteredDocuments.sha256(document))))
					.expectBody()
					.jsonPath("$.data.sectors[0].code")
					.isNotEmpty();
				return null;
			})).toList();
			for (Future<Object> request : sent) {
				request.get();
			}
		}
		finally {
			clients.shutdown();
		}
		long length = this.persisted.persistedLength();
		assertThat(length).as("characters of persisted documents kept")
			.isLessThanOrEqualTo(this.properties.persistedMaxLength())
			.isGreaterThan(this.properties.persistedMaxLength() / 2);
		assertThat(this.documents.size()).as("parsed documents kept").isLessThanOrEqualTo(2_000);
		// the last documents persisted are still known by their hash alone
		String last = padding + "query Distinct9999 { sectors { code } }";
		byHash(RegisteredDocuments.sha256(last)).expectBody().jsonPath("$.errors").doesNotExist();
	}

	private static Map<String, Object> persistedQuery(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	private WebTestClient.ResponseSpec byHash(String hash) {
		return this.http.get()
			.uri(GetTest.uri(Map.of("extensions", "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + hash + "\"}}")))
			.header("Authorization", "Bearer demo-analyst")
			.exchange();
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
