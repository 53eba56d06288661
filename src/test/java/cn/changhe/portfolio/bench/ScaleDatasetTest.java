package cn.changhe.portfolio.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import cn.changhe.portfolio.PortfolioApplication;
import cn.changhe.portfolio.bench.ScaleDataset.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale dataset at size S, loaded into a new embedded database and read back through the API:
 * its counts, milestones in order, totals equal to the ledger, and the same rows on a second load.
 */
class ScaleDatasetTest {

	private static final String TOKEN = "scale-test-" + UUID.randomUUID();

	private static final String CHECKSUMS = """
			SELECT 'enterprise', COUNT(*), SUM(CRC32(CONCAT_WS('|', id, uscc, name, sector_id, established_on))) FROM enterprise
			UNION ALL SELECT 'project', COUNT(*), SUM(CRC32(CONCAT_WS('|', id, name, enterprise_id, sector_id, total_investment,
			    foreign_investment, land_area_mu, provincial_major, reclaimed_land, stage))) FROM project
			UNION ALL SELECT 'milestone', COUNT(*), SUM(CRC32(CONCAT_WS('|', project_id, stage, reached_on))) FROM project_milestone
			UNION ALL SELECT 'stall', COUNT(*), SUM(CRC32(CONCAT_WS('|', project_id, category, listed_on, cleared_on))) FROM project_stall
			UNION ALL SELECT 'investment', COUNT(*), SUM(CRC32(CONCAT_WS('|', id, kind, amount, currency, year, invested_on,
			    project_id, enterprise_id, fund_id, sector_id))) FROM investment
			UNION ALL SELECT 'fund', COUNT(*), SUM(CRC32(CONCAT_WS('|', id, name, size, vintage_year, manager_id))) FROM fund
			UNION ALL SELECT 'commitment', COUNT(*), SUM(CRC32(CONCAT_WS('|', fund_id, investor_id, committed, called))) FROM commitment
			UNION ALL SELECT 'award', COUNT(*), SUM(CRC32(CONCAT_WS('|', id, programme_id, award_year, person_name,
			    enterprise_id, project_id, grant_amount))) FROM talent_award
			UNION ALL SELECT 'totals', COUNT(*), SUM(CRC32(CONCAT_WS('|', sector_id, year, kind, currency, row_count, total)))
			    FROM investment_total""";

	@Test
	void loadsSizeSDeterministicallyAndReadsBackThroughTheApi() throws Exception {
		List<String> first;
		try (ConfigurableApplicationContext app = start()) {
			DataSource ds = app.getBean(DataSource.class);
			List<String> progress = new ArrayList<>();
			ScaleDataset.load(ds, Size.S, progress::add);
			assertThat(progress).anyMatch((line) -> line.startsWith("investments 10000/10000"));
			assertThat(ScaleDataset.isLoaded(ds, Size.S)).isTrue();
			GraphQlHttp api = new GraphQlHttp(GraphQlHttp.newClient(), port(app), TOKEN);

			JsonNode counts = api.execute("""
					{ enterprises { totalCount } projects { totalCount } investments { totalCount } funds { totalCount } }""",
					null);
			assertThat(counts.at("/enterprises/totalCount").asInt()).isEqualTo(Size.S.enterprises);
			assertThat(counts.at("/projects/totalCount").asInt()).isEqualTo(Size.S.projects);
			assertThat(counts.at("/investments/totalCount").asInt()).isEqualTo(Size.S.investments);
			assertThat(counts.at("/funds/totalCount").asInt()).isEqualTo(Size.S.funds);

			// every project's milestones: stages in order, dates non-decreasing, the stage the latest one
			List<String> stages = List.of(ScaleDataset.STAGES);
			String after = null;
			int seen = 0;
			do {
				JsonNode page = api.execute("""
						query($after: String) { projects(first: 100, after: $after) {
						  nodes { stage milestones { stage reachedOn } } pageInfo { hasNextPage endCursor } } }""",
						(after == null) ? null : Map.of("after", after)).get("projects");
				for (JsonNode project : page.get("nodes")) {
					JsonNode milestones = project.get("milestones");
					assertThat(milestones.size()).isGreaterThan(0);
					String previousDate = "";
					for (int i = 0; i < milestones.size(); i++) {
						assertThat(milestones.get(i).get("stage").asString()).isEqualTo(stages.get(i));
						String date = milestones.get(i).get("reachedOn").asString();
						assertThat(date).isGreaterThanOrEqualTo(previousDate);
						assertThat(date.substring(0, 4)).isBetween("2000", "2025");
						previousDate = date;
					}
					assertThat(project.get("stage").asString())
						.isEqualTo(milestones.get(milestones.size() - 1).get("stage").asString());
					seen++;
				}
				after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asString() : null;
			}
			while (after != null);
			assertThat(seen).isEqualTo(Size.S.projects);

			// the totals the summaries read add up to the ledger
			JsonNode byYear = api.execute("{ investmentSummary(groupBy: [YEAR]) { year currency count } }", null)
				.get("investmentSummary");
			long summed = 0;
			for (JsonNode group : byYear) {
				summed += group.get("count").asLong();
				assertThat(group.get("year").asInt()).isBetween(2000, 2025);
			}
			assertThat(summed).isEqualTo(Size.S.investments);
			JsonNode bySector = api.execute("{ investmentSummary(groupBy: [SECTOR, YEAR]) { sector { code } count } }",
					null).get("investmentSummary");
			assertThat(bySector.size()).isGreaterThan(11);

			// the targets of 2024 have actuals computed from the records
			JsonNode zone = api.execute("{ zoneYear(year: 2024) { targets { code target actual } } }", null);
			assertThat(zone.at("/zoneYear/targets").size()).isEqualTo(11);
			first = checksums(ds);
		}
		try (ConfigurableApplicationContext again = start()) {
			DataSource ds = again.getBean(DataSource.class);
			ScaleDataset.load(ds, Size.S, (line) -> {
			});
			assertThat(checksums(ds)).isEqualTo(first);
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PortfolioApplication.class).run("--server.port=0",
				"--zone.embedded.data-dir=target/test-db/scale-" + UUID.randomUUID(), "--zone.embedded.discard-on-stop=true",
				"--zone.demo-data=false",
				"--zone.bootstrap-token=" + TOKEN, "--zone.rate.enabled=false");
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

	private static List<String> checksums(DataSource ds) throws SQLException {
		List<String> sums = new ArrayList<>();
		try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CHECKSUMS)) {
			while (rs.next()) {
				sums.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3));
			}
		}
		return sums;
	}

}
