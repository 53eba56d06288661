package cn.changhe.portfolio.security;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read and write what: the public reads the zone's indicators only; analysts read all;
 * editors write; administrators issue and revoke clients; a partner reads its own funds and what
 * they invested in, whichever way it asks.
 */
class AccessTest extends ApiTest {

	@Test
	void thePublicReadsTheZonesIndicatorsAndNothingElse() {
		HttpGraphQlTester publicClient = anonymous();
		publicClient.documentName("zone-years").execute().path("y2024.indicators").entityList(Object.class).hasSize(14);
		for (String query : List.of("{ projects { totalCount } }", "{ funds { totalCount } }", "{ sectors { code } }",
				"{ investmentSummary(groupBy: [YEAR]) { count } }", "{ auditLog { totalCount } }")) {
			publicClient.document(query).execute().errors().satisfy((errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getErrorType().toString()).isEqualTo("UNAUTHORIZED");
			});
		}
		String fund = query("{ funds(first: 1) { nodes { id } } }", "funds.nodes[0].id");
		publicClient.document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", fund)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("UNAUTHORIZED"));
	}

	@Test
	void analystsReadAndEditorsWriteAndOnlyAdministratorsManageClients() {
		as("demo-analyst").documentName("pipeline-2024").execute().path("registered.totalCount").entity(Integer.class).isEqualTo(18);
		as("demo-analyst").document("{ auditLog(first: 1) { totalCount } }").execute().errors().verify();
		refused(as("demo-editor"), "{ auditLog(first: 1) { totalCount } }", "FORBIDDEN");
		String mutation = """
				mutation { createEnterprise(input: { name: "权限测试", uscc: "NOT-VALID" }) { userErrors { code } } }""";
		refused(as("demo-analyst"), mutation, "FORBIDDEN");
		as("demo-editor").document(mutation).execute().path("createEnterprise.userErrors[0].code").entity(String.class).isEqualTo("INVALID");
		refused(as("demo-editor"), "{ apiClients { name } }", "FORBIDDEN");
	}

	@Test
	void aTokenIsIssuedOnceWorksAndStopsWorkingWhenRevoked() {
		String investor = query("{ investors(filter: { nameContains: \"中金资本\" }) { nodes { id } } }", "investors.nodes[0].id");
		String create = """
				mutation($input: CreateApiClientInput!) {
				  createApiClient(input: $input) {
				    client { id name role investor { name } createdAt revokedAt }
				    token
				    userErrors { field code message }
				  }
				}""";
		Map<String, Object> issued = query(create, "createApiClient",
				Map.of("input", Map.of("name", "cicc-system", "role", "PARTNER", "investorId", investor)));
		String token = (String) issued.get("token");
		assertThat(token).startsWith("chz_").hasSizeGreaterThan(40);
		Map<String, Object> client = (Map<String, Object>) issued.get("client");
		assertThat(client).containsEntry("role", "PARTNER").containsEntry("revokedAt", null);
		assertThat(((Map<?, ?>) client.get("investor")).get("name")).isEqualTo("中金资本");
		Integer stored = this.jdbc.queryForObject("SELECT COUNT(*) FROM api_client WHERE token_hash = ? AND name = 'cicc-system'",
				Integer.class, Tokens.hash(token));
		assertThat(stored).isOne();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM api_client WHERE token_hash = ?", Integer.class, token)).isZero();
		as(token).document("{ viewer { name role } }").execute().path("viewer.name").entity(String.class).isEqualTo("cicc-system");
		Map<String, Object> duplicate = query(create, "createApiClient",
				Map.of("input", Map.of("name", "cicc-system", "role", "ANALYST")));
		assertThat((List<Map<String, Object>>) duplicate.get("userErrors")).anySatisfy((e) -> assertThat(e).containsEntry("code", "DUPLICATE"));
		Map<String, Object> unbound = query(create, "createApiClient",
				Map.of("input", Map.of("name", "partner-without-investor", "role", "PARTNER")));
		assertThat((List<Map<String, Object>>) unbound.get("userErrors"))
			.anySatisfy((e) -> assertThat(e).containsEntry("code", "REQUIRED").containsEntry("field", List.of("input", "investorId")));

		Map<String, Object> revoked = query("""
				mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { client { revokedAt } userErrors { code } } }""",
				"revokeApiClient", Map.of("input", Map.of("id", client.get("id"))));
		assertThat(((Map<?, ?>) revoked.get("client")).get("revokedAt")).isNotNull();
		this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ viewer { name } }"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void aPartnerSeesItsOwnFundsAndCommitmentsWhicheverWayItAsks() {
		HttpGraphQlTester cicc = as("demo-partner-cicc");
		List<String> funds = cicc.document("{ funds(first: 50) { totalCount nodes { name } } }")
			.execute()
			.path("funds.nodes[*].name")
			.entityList(String.class)
			.get();
		assertThat(funds).containsExactly("中金长合高端装备产业基金");
		List<String> investors = cicc.document("{ funds(first: 50) { nodes { commitments { investor { name } } } } }")
			.execute()
			.path("funds.nodes[*].commitments[*].investor.name")
			.entityList(String.class)
			.get();
		assertThat(investors).containsOnly("中金资本");
		List<String> otherFunds = query("{ funds(first: 50) { nodes { id name } } }", "funds.nodes[?(@.name != '中金长合高端装备产业基金')].id");
		assertThat(otherFunds).hasSize(5);
		cicc.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
			.variable("ids", otherFunds)
			.execute()
			.path("nodes")
			.entityList(Object.class)
			.satisfies((nodes) -> assertThat(nodes).containsOnlyNulls());
		List<String> kinds = cicc.document("{ investments(first: 100) { totalCount nodes { kind fund { name } } } }")
			.execute()
			.path("investments.nodes[*].kind")
			.entityList(String.class)
			.get();
		assertThat(kinds).isNotEmpty().containsOnly("FUND_EQUITY");
		int enterprises = cicc.document("{ enterprises { totalCount } }").execute().path("enterprises.totalCount").entity(Integer.class).get();
		int portfolio = query("{ funds(filter: { nameContains: \"中金长合\" }) { nodes { portfolioEnterpriseCount } } }",
				"funds.nodes[0].portfolioEnterpriseCount");
		assertThat(enterprises).isEqualTo(portfolio).isPositive();
		refused(cicc, "{ projects { totalCount } }", "FORBIDDEN");
		cicc.document("{ enterprises(first: 5) { nodes { projects { totalCount } sector { code } } } }")
			.execute()
			.path("enterprises.nodes[*].projects.totalCount")
			.entityList(Integer.class)
			.satisfies((counts) -> assertThat(counts).containsOnly(0));
		List<Map<String, Object>> summary = cicc.document("{ investmentSummary(groupBy: [FUND]) { fund { name } kind: count } }")
			.execute()
			.path("investmentSummary")
			.entity(List.class)
			.get();
		assertThat(summary).hasSize(1);
		List<String> investorsSeen = cicc.document("{ investors(first: 50) { nodes { name } } }")
			.execute()
			.path("investors.nodes[*].name")
			.entityList(String.class)
			.get();
		assertThat(investorsSeen).containsExactly("中金资本");
		assertThat(as("demo-partner-addor").document("{ funds(first: 50) { nodes { name } } }")
			.execute()
			.path("funds.nodes[*].name")
			.entityList(String.class)
			.get()).isNotEmpty().doesNotContain("中金长合高端装备产业基金");
	}

	@Test
	void personalNamesInTalentAwardsAreForAnalystsAndAbove() {
		java.util.List<String> names = as("demo-analyst")
			.document("{ talentAwards(filter: { yearFrom: 2024, yearTo: 2024 }, first: 100) { nodes { personName } } }")
			.execute()
			.path("talentAwards.nodes[*].personName")
			.entityList(String.class)
			.get();
		assertThat(names).isNotEmpty();
		refused(as("demo-partner-addor"), "{ talentAwards { nodes { personName } } }", "FORBIDDEN");
	}

	@Test
	void browsersMayCallOnlyFromTheConfiguredOrigins() {
		this.http.options()
			.uri("/graphql")
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin");
	}

	@Test
	void introspectionIsForClientsNotThePublic() {
		String introspection = "{ __schema { queryType { name } } }";
		as("demo-analyst").document(introspection).execute().path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
		anonymous().document(introspection).execute().errors().satisfy((errors) -> assertThat(errors).isNotEmpty());
	}

}
