package cn.changhe.portfolio.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations endpoints: probes for anyone, without details; the rest, and the details, for
 * ADMIN clients; the API's own meters beside Spring's, with bounded tags.
 */
class ActuatorTest extends ApiTest {

	@Test
	void probesAreOpenAndSayOnlyUpOrDown() {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
			String body = get(probe, null, HttpStatus.OK);
			assertThat(body).as(probe).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("MySQL");
		}
		assertThat(get("/actuator/health/readiness", "demo-analyst", HttpStatus.OK)).doesNotContain("components");
		assertThat(get("/actuator/health/readiness", "demo-admin", HttpStatus.OK)).as("the database, for an administrator")
			.contains("\"db\":{\"details\":{\"database\":\"MySQL\"");
	}

	@Test
	void everyOtherEndpointIsForAdministrators() {
		for (String endpoint : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator" }) {
			assertThat(get(endpoint, null, HttpStatus.UNAUTHORIZED)).as(endpoint).contains("\"classification\":\"UNAUTHORIZED\"");
			assertThat(get(endpoint, "demo-analyst", HttpStatus.FORBIDDEN)).as(endpoint)
				.contains("\"classification\":\"FORBIDDEN\"");
			assertThat(get(endpoint, "demo-partner-addor", HttpStatus.FORBIDDEN)).as(endpoint).contains("FORBIDDEN");
		}
		assertThat(get("/actuator/env", "demo-admin", HttpStatus.NOT_FOUND)).as("not exposed at all").isNotNull();
	}

	@Test
	void infoNamesTheBuildAndItsCommit() {
		String info = get("/actuator/info", "demo-admin", HttpStatus.OK);
		assertThat(info).contains("\"artifact\":\"portfolio-api\"").contains("\"version\":\"0.1.0-SNAPSHOT\"");
		if (Files.isDirectory(Path.of(".git"))) {
			assertThat(info).containsPattern("\"git\":\\{\"branch\":\"[^\"]+\",\"commit\":\\{\"id\":\"[0-9a-f]{7}");
		}
	}

	@Test
	void metersOfTheApiAreTaggedByRegisteredOperationAndClient() {
		this.graphQl.documentName("pipeline-2024").execute().path("registered.totalCount").entity(Integer.class).isEqualTo(18);
		as("demo-analyst").document("query MadeUp" + System.nanoTime() + " { sectors { code } }")
			.execute()
			.path("sectors")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
		String metrics = get("/actuator/prometheus", "demo-admin", HttpStatus.OK);
		assertThat(metrics)
			.containsPattern("zone_query_cost_points_count\\{client=\"demo-admin\",operation=\"Pipeline2024\"} [1-9]")
			.containsPattern("zone_query_cost_points_sum\\{client=\"demo-admin\",operation=\"Pipeline2024\"} [1-9]")
			.as("an operation that is not registered is one bucket, whatever its name")
			.containsPattern("zone_query_cost_points_count\\{client=\"demo-analyst\",operation=\"other\"} [1-9]")
			.doesNotContain("MadeUp")
			.as("statements per request, where they are counted")
			.containsPattern("zone_statements_count\\{operation=\"Pipeline2024\"} [1-9]")
			.as("Spring's meters")
			.contains("graphql_request_seconds_count{")
			.contains("graphql_datafetcher_seconds_count{")
			.contains("http_server_requests_seconds_count{")
			.contains("hikaricp_connections_active{")
			.contains("tomcat_threads_busy_threads{")
			.contains("jvm_memory_used_bytes{");
	}

	@Test
	void theGrafanaDashboardChartsMetersThatExist() {
		this.graphQl.documentName("pipeline-2024").execute().path("registered.totalCount").entity(Integer.class).isEqualTo(18);
		String metrics = get("/actuator/prometheus", "demo-admin", HttpStatus.OK);
		JsonNode dashboard = JsonMapper.shared().readTree(Path.of("src/ops/grafana/portfolio-api.json").toFile());
		Pattern meter = Pattern.compile("\\b((?:zone|graphql|http|hikaricp|tomcat|jvm|process)_[a-z_]+)");
		Set<String> charted = new TreeSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.get("targets")) {
				Matcher names = meter.matcher(target.get("expr").asString());
				while (names.find()) {
					charted.add(names.group(1));
				}
			}
		}
		assertThat(charted).contains("zone_query_cost_points_bucket", "zone_rate_limited_total", "zone_statements_sum",
				"graphql_request_seconds_count", "hikaricp_connections_pending");
		for (String name : charted) {
			if (!name.startsWith("zone_rate_limited")) { // made at the first refusal: see BudgetTest
				assertThat(metrics).as("the dashboard's %s", name).contains(name);
			}
		}
	}

	private String get(String path, String token, HttpStatus status) {
		return text(this.http, path, token, status);
	}

}
