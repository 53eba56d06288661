package cn.changhe.portfolio.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts GraphQL operations to a running service over HTTP/1.1 with a bearer token. */
public final class GraphQlHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private final URI uri;

	private final String token;

	public GraphQlHttp(HttpClient client, int port, String token) {
		this.client = client;
		this.uri = URI.create("http://127.0.0.1:" + port + "/graphql");
		this.token = token;
	}

	/**
	 * A client of HTTP/1.1 that drops a connection after 20 s idle, before either server does (the
	 * JDK's after 30 s, Tomcat after 60 s): a request sent on a connection the server is closing at
	 * that moment fails with no bytes received, which the benchmark would count as an error of the
	 * service. The JDK's own default is 1,200 s.
	 *
	 * <p>Where it happens all the same, the client sends the request once more on a new connection,
	 * as it does by itself for a GET: only when a connection taken from its pool turns out closed
	 * before a byte of the answer came back ({@code jdk.httpclient.enableAllMethodRetry}; any other
	 * failure still counts). Both settings are read once, by the first client.
	 */
	public static HttpClient newClient() {
		if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
			System.setProperty("jdk.httpclient.keepalive.timeout", "20");
		}
		if (System.getProperty("jdk.httpclient.enableAllMethodRetry") == null) {
			System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
		}
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** The request body of an operation with its variables. */
	public static String body(String query, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		if (variables != null && !variables.isEmpty()) {
			body.put("variables", variables);
		}
		return JSON.writeValueAsString(body);
	}

	public HttpRequest request(String body) {
		return HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** The whole response document; fails on a status other than 200 or on GraphQL errors. */
	public JsonNode execute(String query, Map<String, Object> variables) {
		try {
			HttpResponse<String> response = this.client.send(request(body(query, variables)),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
			}
			JsonNode document = JSON.readTree(response.body());
			if (document.has("errors")) {
				throw new IllegalStateException("GraphQL errors: " + document.get("errors") + " for " + query);
			}
			return document.get("data");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
