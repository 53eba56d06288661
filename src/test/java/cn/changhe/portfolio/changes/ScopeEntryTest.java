package cn.changhe.portfolio.changes;

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
 * A new commitment brings its fund's records into its investor's partners' feed, written before they
 * could see them. (On a context of its own, numbering changes every 50 ms: it adds a fund, an
 * investor and a commitment that the demo's figures elsewhere must not see.)
 */
@TestPropertySource(properties = "zone.changes.sequence-every=50ms")
class ScopeEntryTest extends ApiTest {

	@Test
	@SuppressWarnings("unchecked")
	void aNewCommitmentBringsItsFundsRecordsIntoThePartnersFeed() throws InterruptedException {
		String enterprise = idOf("enterprises", "浙江布镭德工具有限公司");
		String fund = (String) ((Map<?, ?>) mutate("""
				mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } userErrors { field code message } } }""",
				"createFund", Map.of("name", "变更流范围测试基金", "size", Map.of("amount", 1, "unit", "YI"), "vintageYear", 2024))
			.get("fund")).get("id");
		String investment = (String) ((Map<?, ?>) mutate("""
				mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { investment { id } userErrors { code message } } }""",
				"recordInvestment", Map.of("kind", "FUND_EQUITY", "fundId", fund, "enterpriseId", enterprise, "year", 2024,
						"amount", Map.of("amount", 5_000_000))).get("investment")).get("id");
		String investor = (String) ((Map<?, ?>) mutate("""
				mutation($input: CreateInvestorInput!) { createInvestor(input: $input) { investor { id } userErrors { code } } }""",
				"createInvestor", Map.of("name", "变更流范围测试出资人", "type", "CORPORATE")).get("investor")).get("id");
		String token = (String) mutate("""
				mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token userErrors { code } } }""",
				"createApiClient", Map.of("name", "scope-test-system", "role", "PARTNER", "investorId", investor)).get("token");
		HttpGraphQlTester partner = as(token);
		// the feeds are followed from once all of that is numbered (the investor last), so that what
		// the commitment brings is all that comes after
		assertThat(changesOf(as("demo-analyst"), null, investor, 1)).hasSize(1);
		String cursor = end(partner, null);
		String staffCursor = end(as("demo-analyst"), null);
		mutate("""
				mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id } userErrors { code message } } }""",
				"createCommitment", Map.of("fundId", fund, "investorId", investor, "committed", Map.of("amount", 2_000_000)));
		List<Map<String, Object>> fundChanges = changesOf(partner, cursor, fund, 1);
		assertThat(fundChanges).singleElement().satisfies((change) -> {
			assertThat(change).containsEntry("action", "CREATED");
			assertThat((Map<String, Object>) change.get("node")).containsEntry("name", "变更流范围测试基金");
		});
		assertThat(changesOf(partner, cursor, investment, 1)).extracting((change) -> change.get("action")).containsExactly("CREATED");
		// (once, or twice where the sequencer numbered the investment with the commitment: a copy takes both alike)
		assertThat(changesOf(partner, cursor, enterprise, 1)).extracting((change) -> change.get("action")).isNotEmpty()
			.containsOnly("CREATED");
		// for everyone else the commitment is the change; the fund did not change
		List<Object> staff = pull(as("demo-analyst"), staffCursor).stream().map((change) -> change.get("entityId")).toList();
		assertThat(staff).doesNotContain(fund, investment);
		List<String> trail = query("query($id: ID!) { auditLog(entityId: $id) { nodes { action } } }", "auditLog.nodes[*].action",
				Map.of("id", fund));
		assertThat(trail).containsExactly("CREATE");
	}

}
