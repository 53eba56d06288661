package cn.changhe.portfolio.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded MariaDB: started before everything else, on loopback only, keeping its data in its
 * directory across restarts, and migrated and loaded once.
 */
class EmbeddedDatabaseTest {

	// language=GraphQL
	private static final String COUNTS = """
			{
			  sectors { code }
			  enterprises(filter: { nameContains: "重启测试" }) { totalCount nodes { name uscc } }
			  projects { totalCount }
			}""";

	@Test
	void dataWrittenBeforeARestartIsThereAfterItAndTheDemoDataIsLoadedOnce() throws Exception {
		Path dataDir = Path.of("target", "test-db", "restart-" + UUID.randomUUID());
		int projects;
		try (RunningApp app = RunningApp.start(Map.of("zone.embedded.data-dir", dataDir.toString()))) {
			projects = app.graphQl("demo-admin").document(COUNTS).execute().path("projects.totalCount").entity(Integer.class).get();
			assertThat(projects).isGreaterThan(0);
			JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
			jdbc.update("""
					INSERT INTO enterprise (uscc, name, sector_id, provenance)
					SELECT ?, ?, id, 'ILLUSTRATIVE' FROM sector WHERE code = 'NEV'""", "91330500MA2D000009", "重启测试有限公司");
		}
		assertThat(Files.isDirectory(dataDir.resolve("mysql"))).isTrue();
		try (RunningApp app = RunningApp.start(
				Map.of("zone.embedded.data-dir", dataDir.toString(), "zone.embedded.discard-on-stop", "true"))) {
			var response = app.graphQl("demo-admin").document(COUNTS).execute();
			response.path("enterprises.nodes[0].name").entity(String.class).isEqualTo("重启测试有限公司");
			response.path("projects.totalCount").entity(Integer.class).isEqualTo(projects);
			response.path("sectors[*].code").entityList(String.class).contains("NEV", "ROBOTICS_CNC");
		}
	}

	@Test
	void listensOnLoopbackOnly() throws Exception {
		Path dataDir = Path.of("target", "test-db", "loopback-" + UUID.randomUUID());
		try (RunningApp app = RunningApp.start(Map.of("zone.embedded.data-dir", dataDir.toString(), "zone.demo-data", "false",
				"zone.embedded.discard-on-stop", "true"))) {
			JdbcTemplate jdbc = app.context().getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT @@bind_address", String.class)).isEqualTo("127.0.0.1");
			assertThat(jdbc.queryForObject("SELECT @@time_zone", String.class)).isEqualTo("+00:00");
			assertThat(jdbc.queryForObject("SELECT @@character_set_server", String.class)).isEqualTo("utf8mb4");
			// zone.demo-data=false wins over the embedded default
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sector", Integer.class)).isZero();
		}
	}

}
