package cn.changhe.portfolio;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one harness for tests of the API: the whole application on a random port, over its own
 * embedded MariaDB with a fresh data directory (so every run migrates from empty and loads the
 * demo dataset, and the directory is deleted when the context closes), driven through the GraphQL
 * HTTP endpoint.
 *
 * <p>Every test class that extends this shares one application context and one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zone.embedded.data-dir=target/test-db/${random.uuid}", "zone.embedded.discard-on-stop=true",
				"zone.count-statements=true" })
public abstract class ApiTest {

	@LocalServerPort
	protected int port;

	/** For setting up what the API cannot write yet, and for checking what it wrote. */
	@Autowired
	protected JdbcTemplate jdbc;

	protected HttpGraphQlTester graphQl;

	protected WebTestClient http;

	@BeforeEach
	void connect() {
		this.http = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + this.port)
			.build();
		this.graphQl = as("demo-admin");
	}

	/** A tester that sends a client's bearer token (the demo clients' tokens are their names). */
	protected HttpGraphQlTester as(String token) {
		return HttpGraphQlTester.create(this.http.mutate()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeader("Authorization", "Bearer " + token)
			.build());
	}

	/** The text of a 200 answer to GET, with the client's bearer token (or none, for null). */
	protected String text(String path, String token) {
		return text(this.http, path, token);
	}

	/** The text of a 200 answer to GET from the server the client is bound to. */
	protected static String text(WebTestClient client, String path, String token) {
		return text(client, path, token, HttpStatus.OK);
	}

	/**
	 * The text of an answer to GET, which must have the status, up to 16 MB (a metrics scrape grows
	 * with every meter the suite's requests made, past WebTestClient's 256 KB).
	 */
	protected static String text(WebTestClient client, String path, String token, HttpStatus status) {
		WebTestClient.RequestHeadersSpec<?> request = client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri(path);
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		return request.exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
	}

	/** A tester without credentials: the public. */
	protected HttpGraphQlTester anonymous() {
		return HttpGraphQlTester.create(this.http.mutate().baseUrl("http://localhost:" + this.port + "/graphql").build());
	}

	/** The value at a JSON path of a successful response, as plain Java (maps, lists, strings, numbers). */
	protected <T> T query(String document, String path, Map<String, Object> variables) {
		var request = this.graphQl.document(document);
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		@SuppressWarnings("unchecked")
		T value = (T) request.execute().path(path).entity(Object.class).get();
		return value;
	}

	protected <T> T query(String document, String path) {
		return query(document, path, Map.of());
	}

	/** The strings at a JSON path of a client's successful answer (ids, names). */
	protected static List<String> strings(HttpGraphQlTester client, String document, String path) {
		return client.document(document).execute().path(path).entityList(String.class).get();
	}

	/** The payload of a mutation called with this input, whatever it holds. */
	protected Map<String, Object> mutate(String document, String mutation, Map<String, Object> input) {
		return query(document, mutation, Map.of("input", input));
	}

	/** The one error of an operation refused before it runs as too complex, with these words in its message. */
	protected void tooComplex(String document, String words) {
		this.graphQl.document(document).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getErrorType().toString()).isEqualTo("TOO_COMPLEX");
			assertThat(errors.get(0).getMessage()).contains(words);
		});
	}

	/** An operation that fails with errors (no data), which {@code check} asserts. */
	protected static void refused(HttpGraphQlTester client, String document, Consumer<List<ResponseError>> check) {
		client.document(document).execute().errors().satisfy(check);
	}

	/** An operation that fails, its first error of this type ({@code FORBIDDEN}). */
	protected static void refused(HttpGraphQlTester client, String document, String errorType) {
		refused(client, document, (errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo(errorType));
	}

	/** Rows of a table (and condition), read directly: to show that a refused write wrote nothing. */
	protected long count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

	/** The global id of the row with this name, through the API. */
	protected String idOf(String connection, String name) {
		List<String> ids = query("query($name: String!) { " + connection
				+ "(filter: { nameContains: $name }, first: 100) { nodes { id name } } }", connection + ".nodes[?(@.name == '"
				+ name + "')].id", Map.of("name", name));
		assertThat(ids).as("%s named %s", connection, name).hasSize(1);
		return ids.get(0);
	}

}
