package cn.changhe.portfolio.system;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a datasource URL the service uses that database, starts no embedded server, and loads the
 * demo dataset only when asked to. The "external" server here is a second MariaDB of the tests' own.
 */
class ExternalDatabaseTest {

	private static final String BOOTSTRAP = "bootstrap-token-for-the-external-database-test";

	private static EmbeddedMariaDb server;

	@BeforeAll
	static void startExternalServer() {
		server = EmbeddedMariaDb.start(Path.of("target", "test-db", "external-" + UUID.randomUUID()),
				EmbeddedMariaDb.defaultBaseDir(), "128M", true);
	}

	@AfterAll
	static void stopExternalServer() throws Exception {
		server.destroy();
	}

	private static Map<String, String> pointedAt(String database, String... more) {
		Map<String, String> settings = new java.util.HashMap<>(Map.of(
				"spring.datasource.url", DatabaseInitializer.jdbcUrl(server.port(), database),
				"spring.datasource.username", "root", "spring.datasource.password", "",
				"zone.bootstrap-token", BOOTSTRAP));
		for (int i = 0; i < more.length; i += 2) {
			settings.put(more[i], more[i + 1]);
		}
		return settings;
	}

	@Test
	void migratesAnEmptyDatabaseAndLoadsNoDemoDataUnlessAsked() {
		try (RunningApp app = RunningApp.start(pointedAt("production"))) {
			assertThat(app.context().containsBean("embeddedMariaDb")).isFalse();
			assertThat(app.context().getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM api_client", Integer.class))
				.as("no client exists until an administrator creates one")
				.isZero();
			JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject(
					"SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL", Integer.class))
				.isGreaterThanOrEqualTo(1);
			var response = app.graphQl(BOOTSTRAP).document("{ sectors { code } projects { totalCount } }").execute();
			response.path("sectors").entityList(Object.class).hasSize(0);
			response.path("projects.totalCount").entity(Integer.class).isEqualTo(0);
		}
	}

	@Test
	void loadsTheDemoDataWhenAsked() {
		try (RunningApp app = RunningApp.start(pointedAt("demo", "zone.demo-data", "true"))) {
			var response = app.graphQl("demo-admin").documentName("pipeline-2024").execute();
			response.path("registered.totalCount").entity(Integer.class).isEqualTo(18);
		}
	}

}
