package cn.changhe.portfolio.graphql;

import java.util.List;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.Node;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * graphql-http's audits of GraphQL over HTTP (the npm package its authors keep beside the spec),
 * run with Node.js against the endpoint with an analyst's token: every MUST, every SHOULD and every
 * MAY pass.
 */
class HttpAuditTest extends ApiTest {

	@Test
	void theEndpointPassesEveryAuditOfGraphqlOverHttp() throws Exception {
		List<String> lines = Node.run("http-audit.mjs", "http://localhost:" + this.port + "/graphql", "demo-analyst");
		JsonMapper json = JsonMapper.builder().build();
		List<Audit> results = lines.stream().map((line) -> json.readValue(line, Audit.class)).toList();

		for (String level : List.of("MUST", "SHOULD", "MAY")) {
			List<Audit> audits = results.stream().filter((audit) -> audit.name().startsWith(level + " ")).toList();
			assertThat(audits).as("%s audits", level).hasSize(switch (level) {
				case "MUST" -> 13;
				case "SHOULD" -> 23;
				default -> 25;
			});
			assertThat(audits).as("%s audits that did not pass", level)
				.filteredOn((audit) -> !"ok".equals(audit.status()))
				.isEmpty();
		}
	}

	record Audit(String id, String name, String status, String reason) {
	}

}
