package cn.changhe.portfolio.changes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static cn.changhe.portfolio.changes.ChangesTest.changesOf;
import static cn.changhe.portfolio.changes.ChangesTest.end;
import static cn.changhe.portfolio.changes.ChangesTest.pull;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records leave a partner's sight, and come back into it, through changes to others: the feed says
 * so, as a DELETED (or CREATED) change addressed to that partner alone. (On ScopeEntryTest's
 * context: its fund, investor and commitment stay out of the demo's figures elsewhere.)
 */
@TestPropertySource(properties = "zone.changes.sequence-every=50ms")
class ScopeLeftTest extends ApiTest {

	@Test
	void recordsThatLeaveAPartnersSightComeAsDeletedAndBackAsCreated() throws InterruptedException {
		String kept = idOf("enterprises", "浙江布镭德工具有限公司");
		String lost = idOf("enterprises", "浙江鑫盛永磁科技股份有限公司");
		String fund = id(mutate("""
				mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } userErrors { code message } } }""",
				"createFund", Map.of("name", "离开视野测试基金", "size", Map.of("amount", 1, "unit", "YI"), "vintageYear", 2024)),
				"fund");
		String first = invest(fund, kept);
		String second = invest(fund, lost);
		String investor = id(mutate("""
				mutation($input: CreateInvestorInput!) { createInvestor(input: $input) { investor { id } userErrors { code } } }""",
				"createInvestor", Map.of("name", "离开视野测试出资人", "type", "CORPORATE")), "investor");
		HttpGraphQlTester partner = as((String) mutate("""
				mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token userErrors { code } } }""",
				"createApiClient", Map.of("name", "scope-left-system", "role", "PARTNER", "investorId", investor)).get("token"));
		String commitment = id(mutate("""
				mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id } userErrors { code message } } }""",
				"createCommitment", Map.of("fundId", fund, "investorId", investor, "committed", Map.of("amount", 2_000_000))),
				"commitment");
		// what the commitment brought into sight, numbered, and the partner's copy up to date
		// (once, or twice where the sequencer numbered the investments with the commitment: a copy takes both alike)
		assertThat(actions(partner, null, lost, 1)).isNotEmpty().containsOnly("CREATED");
		String cursor = end(partner, null);
		String staffCursor = end(as("demo-analyst"), null);

		// the only investment that reached an enterprise goes: so does the enterprise, for this partner
		delete("deleteInvestment", second);
		assertThat(actions(partner, cursor, second, 1)).containsExactly("DELETED");
		assertThat(actions(partner, cursor, lost, 1)).containsExactly("DELETED");
		partner.document("query($id: ID!) { node(id: $id) { id } }").variable("id", lost).execute().path("node").valueIsNull();
		assertThat(actions(partner, cursor, kept, 0)).isEmpty();

		// a new one brings it back
		String third = invest(fund, lost);
		assertThat(actions(partner, cursor, third, 1)).containsExactly("CREATED");
		assertThat(actions(partner, cursor, lost, 2)).containsExactly("DELETED", "CREATED");

		// the commitment removed: the fund, its investments and their enterprises leave together
		delete("deleteCommitment", commitment);
		assertThat(actions(partner, cursor, commitment, 1)).containsExactly("DELETED");
		assertThat(actions(partner, cursor, fund, 1)).containsExactly("DELETED");
		assertThat(actions(partner, cursor, first, 1)).containsExactly("DELETED");
		// (the feed reads its scope as it is now: the investments' own changes are out of it, their tombstones not)
		assertThat(actions(partner, cursor, third, 1)).containsExactly("DELETED");
		assertThat(actions(partner, cursor, kept, 1)).containsExactly("DELETED");
		assertThat(actions(partner, cursor, lost, 3)).containsExactly("DELETED", "CREATED", "DELETED");
		assertThat(partner.document("{ funds(first: 10) { totalCount } }").execute().path("funds.totalCount")
			.entity(Integer.class).get()).isZero();

		// the rest of the world saw the investments and the commitment go; the enterprises did not change
		List<Object> staff = pull(as("demo-analyst"), staffCursor).stream().map((change) -> change.get("entityId")).toList();
		assertThat(staff).contains(second, third, commitment).doesNotContain(kept, lost, fund);
	}

	@Test
	void aCommitmentCalledOnStaysOnTheRecord() {
		List<Map<String, Object>> commitments = query("{ funds(first: 100) { nodes { commitments { id version called { amount } } } } }",
				"funds.nodes[*].commitments[*]");
		Map<String, Object> called = commitments.stream()
			.filter((c) -> new BigDecimal(String.valueOf(((Map<?, ?>) c.get("called")).get("amount"))).signum() > 0)
			.findFirst()
			.orElseThrow();
		Map<String, Object> payload = mutate("""
				mutation($input: DeleteInput!) { deleteCommitment(input: $input) { deletedId userErrors { field code message } } }""",
				"deleteCommitment", Map.of("id", called.get("id"), "expectedVersion", called.get("version")));
		assertThat(payload.get("deletedId")).isNull();
		assertThat(payload.get("userErrors")).asString().contains("INVALID", "Capital has been called", "id");
		assertThat(query("query($id: ID!) { node(id: $id) { id } }", "node.id", Map.of("id", called.get("id"))).toString())
			.isEqualTo(called.get("id"));
	}

	private String invest(String fund, String enterprise) {
		return id(mutate("""
				mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { investment { id } userErrors { code message } } }""",
				"recordInvestment", Map.of("kind", "FUND_EQUITY", "fundId", fund, "enterpriseId", enterprise, "year", 2024,
						"amount", Map.of("amount", 1_000_000))), "investment");
	}

	private void delete(String mutation, String id) {
		Object version = query("query($id: ID!) { node(id: $id) { ... on Investment { version } ... on Commitment { version } } }",
				"node.version", Map.of("id", id));
		Map<String, Object> payload = mutate("mutation($input: DeleteInput!) { " + mutation
				+ "(input: $input) { deletedId userErrors { code message } } }", mutation,
				Map.of("id", id, "expectedVersion", version));
		assertThat(payload).containsEntry("deletedId", id);
	}

	private static List<Object> actions(HttpGraphQlTester partner, String cursor, String entity, int expected)
			throws InterruptedException {
		return changesOf(partner, cursor, entity, expected).stream().map((change) -> change.get("action")).toList();
	}

	private static String id(Map<String, Object> payload, String field) {
		return (String) ((Map<?, ?>) payload.get(field)).get("id");
	}

}
