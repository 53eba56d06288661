package cn.changhe.portfolio.graph;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.system.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sectors by id come from a copy of the sector table kept in memory: a summary's groups and rows
 * that show their sector do not read the table again, a sector added to the database is found at
 * once, and who may see sectors is still decided for every request.
 */
class SectorsByIdTest extends ApiTest {

	// language=GraphQL
	private static final String BY_ID = "query($id: ID!) { node(id: $id) { ... on Sector { code name } } }";

	@Autowired
	StatementCounter statements;

	@Test
	void aSummaryShowsItsGroupsSectorsWithoutReadingTheSectorTableAgain() {
		String summary = "{ investmentSummary(groupBy: [SECTOR]) { sector { code name } count } }";
		List<Map<String, Object>> groups = query(summary, "investmentSummary");
		assertThat(groups).hasSizeGreaterThan(5).allSatisfy((group) -> assertThat(group.get("sector")).isNotNull());
		List<Object> sectors = query("{ sectors { code name } }", "sectors");
		assertThat(sectors).containsAll(groups.stream().map((group) -> group.get("sector")).toList());

		long before = this.statements.executed();
		assertThat(this.<Object>query(summary, "investmentSummary")).isEqualTo(groups);
		assertThat(this.statements.executed() - before).as("the summary's alone (the token is kept: ClientTokens)").isEqualTo(1);
	}

	@Test
	void aSectorAddedToTheDatabaseIsFoundAtOnceByThoseWhoMaySeeSectors() {
		query("{ investmentSummary(groupBy: [SECTOR]) { sector { code } } }", "investmentSummary");
		this.jdbc.update("INSERT INTO sector (code, name, provenance) VALUES ('TEST_ADDED', '测试行业', 'ILLUSTRATIVE')");
		long key = this.jdbc.queryForObject("SELECT id FROM sector WHERE code = 'TEST_ADDED'", Long.class);
		try {
			String id = GlobalId.encode("Sector", key);
			assertThat(this.<Object>query(BY_ID, "node", Map.of("id", id)))
				.isEqualTo(Map.of("code", "TEST_ADDED", "name", "测试行业"));
			as("demo-partner-cicc").document(BY_ID).variable("id", id).execute().path("node").valueIsNull();
			as("demo-partner-cicc").document("{ enterprises(first: 5) { nodes { sector { code } } } }")
				.execute()
				.path("enterprises.nodes[*].sector")
				.entityList(Object.class)
				.satisfies((seen) -> assertThat(seen).isNotEmpty().containsOnlyNulls());
		}
		finally {
			this.jdbc.update("DELETE FROM sector WHERE id = ?", key);
		}
	}

}
