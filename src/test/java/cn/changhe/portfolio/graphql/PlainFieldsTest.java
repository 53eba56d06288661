package cn.changhe.portfolio.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.system.RunningApp;
import graphql.execution.instrumentation.Instrumentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PlainFields} answers exactly as graphql-java does: every query of the contract and a set of
 * documents built to reach its corners (aliases, fragments, {@code @skip} and {@code @include} both
 * ways, {@code __typename}, enums, nested lists, money in every unit, every summary measure, a
 * partner's scope) are sent to this application and to a second one on the same database with
 * {@code zone.plain-fields=false}, and the two answers must be the same, key order included.
 */
class PlainFieldsTest extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern QUERY = Pattern.compile("(?m)^query (\\w+)");

	// language=GraphQL
	private static final String CORNERS = """
			query Projects($stalls: Boolean!, $noMoney: Boolean!) {
			  projects(first: 40, orderBy: { field: TOTAL_INVESTMENT, direction: DESC }) {
			    totalCount
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    nodes {
			      __typename id name nameEn stage provincialMajor reclaimedLand landAreaMu version
			      createdAt updatedAt deletedAt
			      total: totalInvestment @skip(if: $noMoney) { amount currency wan: amount(unit: WAN) yi: amount(unit: YI) __typename }
			      foreignInvestment { amount(unit: WAN) currency }
			      provenance { kind source }
			      milestones { stage reachedOn provenance { kind } }
			      stall { category listedOn clearedOn }
			      stalls @include(if: $stalls) { category listedOn clearedOn provenance { kind source } }
			      ...Parts
			      ... on Project { sector { code name leading emerging } }
			      enterprise { name uscc establishedOn sector { code } qualifications { qualification year } awards { name grade year } }
			      investments(first: 5) {
			        totalCount
			        nodes { kind year date note amount { amount currency } fund { name } sector { code } }
			        pageInfo { hasNextPage endCursor }
			      }
			    }
			  }
			}

			fragment Parts on Project { name stage totalInvestment { amount(unit: YI) } }

			query Summaries {
			  bySector: investmentSummary(groupBy: [SECTOR, YEAR]) {
			    sector { __typename id code name nameEn leading emerging } year currency count
			    total { amount(unit: YI) currency } average { amount } min { amount(unit: WAN) } max { amount }
			  }
			  byKind: investmentSummary(groupBy: [KIND, FUND, PROJECT_STAGE], orderBy: [{ by: TOTAL, direction: DESC }]) {
			    kind fund { name size { amount(unit: YI) } } projectStage currency count total { amount }
			  }
			  byEnterprise: investmentSummary(groupBy: [ENTERPRISE], first: 20) {
			    enterprise { name } count total { amount currency }
			  }
			}

			query ProjectSummaries {
			  projects: projectSummary(groupBy: [STAGE, SECTOR, SIZE_BAND, LEADING, EMERGING]) {
			    stage sector { code } sizeBand leading emerging reachedYear count totalInvestment { amount(unit: WAN) currency }
			  }
			}

			query Funds {
			  funds(first: 50) {
			    nodes {
			      id name nameEn vintageYear size { amount currency }
			      manager { name type }
			      focusSectors { code name }
			      commitments { id investor { name nameEn type } committed { amount(unit: YI) } called { amount } uncalled { amount } committedOn version }
			      provenance { kind source }
			    }
			  }
			  investors(first: 50) { nodes { name type commitments { committed { amount } } } }
			}

			query Talent {
			  talentAwards(first: 50) {
			    totalCount
			    nodes { programme { code name level } year title personName grant { amount(unit: WAN) currency } enterprise { name } project { name stage } }
			  }
			  sectors { code name enterprises(first: 3) { nodes { name qualifications { qualification year } } } }
			}

			query Levels($ids: [ID!]!) {
			  nodes(ids: $ids) {
			    __typename id
			    ... on Sector {
			      code
			      enterprises(first: 3) {
			        totalCount
			        pageInfo { hasNextPage endCursor }
			        edges { cursor node { sector { code } ...Few } }
			      }
			      funds(first: 2) { nodes { name manager { name } } }
			    }
			    ... on Fund {
			      name manager { name }
			      investments(first: 3) { totalCount nodes { amount { amount(unit: WAN) currency } enterprise { name } fund { name } } }
			    }
			    ... on Enterprise { ...Few fundInvestments(first: 2) { nodes { fund { name manager { name } } amount { amount } } } }
			  }
			  again: enterprises(first: 2) { nodes { ...Few } }
			}

			fragment Few on Enterprise {
			  name
			  projects(first: 2) {
			    totalCount
			    nodes { name stage enterprise { name } investments(first: 3) { nodes { kind year amount { amount currency } fund { name } } } }
			  }
			}
			""";

	private static RunningApp reference;

	@Autowired
	private Environment environment;

	@Autowired
	private ApplicationContext context;

	@AfterAll
	static void stopReference() {
		if (reference != null) {
			reference.close();
			reference = null;
		}
	}

	@Test
	void everyQueryOfTheContractAnswersAsGraphQlJavaDoes() throws IOException {
		int compared = 0;
		for (String file : List.of("enterprises-2024", "funds", "investment-by-sector-year", "investment-by-year-kind",
				"pipeline-2024", "stalled-2024", "talent-2024", "zone-years")) {
			String document = new ClassPathResource("graphql-test/" + file + ".graphql")
				.getContentAsString(StandardCharsets.UTF_8);
			for (String operation : operations(document)) {
				assertSameAnswer("demo-admin", document, operation, Map.of());
				compared++;
			}
		}
		String project = query("{ projects(first: 1) { nodes { id } } }", "projects.nodes[0].id");
		String node = new ClassPathResource("graphql-test/node.graphql").getContentAsString(StandardCharsets.UTF_8);
		assertSameAnswer("demo-admin", node, "Node", Map.of("id", project));
		assertThat(compared).isGreaterThanOrEqualTo(8);
		assertThat(this.context.containsBean("plainFields")).isTrue();
	}

	@Test
	void theServicesInstrumentationsLetPlainFieldsBeCompletedInOnePass() {
		// every instrumentation the service runs with must be known to leave trivial fields alone, or
		// the shortcut is off for every request and the comparisons here compare graphql-java with itself
		Instrumentation instrumentation = this.context.getBean(GraphQlSource.class).graphQl().getInstrumentation();
		assertThat(PlainFields.ignoresPlainFields(instrumentation)).as(instrumentation.toString()).isTrue();
	}

	@Test
	void aliasesFragmentsDirectivesAndNestedListsAnswerAsGraphQlJavaDoes() {
		for (boolean stalls : new boolean[] { true, false }) {
			for (boolean noMoney : new boolean[] { true, false }) {
				assertSameAnswer("demo-admin", CORNERS, "Projects", Map.of("stalls", stalls, "noMoney", noMoney));
			}
		}
		for (String operation : List.of("Summaries", "ProjectSummaries", "Funds", "Talent")) {
			assertSameAnswer("demo-admin", CORNERS, operation, Map.of());
		}
	}

	/**
	 * A root field whose answer holds only plain fields and relations is completed level by level,
	 * each relation loaded once for all the rows at its place: nodes of three types, connections
	 * within connections, to-one relations with and without a key, counts, edges, and one fragment
	 * at two places.
	 */
	@Test
	void relationsCompletedLevelByLevelAnswerAsGraphQlJavaDoes() {
		List<Object> ids = new ArrayList<>();
		ids.addAll(query("{ sectors { id } }", "sectors[*].id"));
		ids.addAll(query("{ funds(first: 2) { nodes { id } } }", "funds.nodes[*].id"));
		ids.addAll(query("{ enterprises(first: 2) { nodes { id } } }", "enterprises.nodes[*].id"));
		ids.add(query("{ projects(first: 1) { nodes { id } } }", "projects.nodes[0].id"));
		for (String token : List.of("demo-admin", "demo-partner-addor")) {
			assertSameAnswer(token, CORNERS, "Levels", Map.of("ids", ids));
		}
	}

	@Test
	void aPartnersScopedAnswersAreTheSameToo() {
		for (String operation : List.of("Summaries", "Funds")) {
			assertSameAnswer("demo-partner-addor", CORNERS, operation, Map.of());
		}
	}

	private void assertSameAnswer(String token, String document, String operation, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("operationName", operation);
		body.put("variables", variables);
		String plain = answer(this.port, token, body);
		String graphQlJava = answer(referencePort(), token, body);
		assertThat(plain).as("%s as %s", operation, token).contains("\"data\"").doesNotContain("\"errors\"");
		assertThat(plain).as("%s as %s", operation, token).isEqualTo(graphQlJava);
	}

	/** The response without its extensions (the cost, and the client's remaining budget, which differ). */
	@SuppressWarnings("unchecked")
	private static String answer(int port, String token, Map<String, Object> body) {
		byte[] response = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port)
			.build()
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		Map<String, Object> parsed = JSON.readValue(new String(response, StandardCharsets.UTF_8), LinkedHashMap.class);
		parsed.remove("extensions");
		return JSON.writeValueAsString(parsed);
	}

	/** The same application on the same database, without {@link PlainFields}. */
	private int referencePort() {
		if (reference == null) {
			reference = RunningApp.start(Map.of("spring.datasource.url", this.environment.getProperty("spring.datasource.url"),
					"spring.datasource.username", this.environment.getProperty("spring.datasource.username"),
					"spring.datasource.password", this.environment.getProperty("spring.datasource.password", ""),
					"zone.plain-fields", "false", "zone.rate.enabled", "false"));
			assertThat(reference.context().containsBean("plainFields")).isFalse();
		}
		return Integer.parseInt(reference.context().getEnvironment().getProperty("local.server.port"));
	}

	private static List<String> operations(String document) {
		List<String> names = new ArrayList<>();
		Matcher matcher = QUERY.matcher(document);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
