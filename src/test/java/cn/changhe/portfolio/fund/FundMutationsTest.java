package cn.changhe.portfolio.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.MutationTest;
import cn.changhe.portfolio.graphql.GlobalId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Funds, investors, commitments and capital calls written through the API: each rule refused with
 * a user error naming the field, and nothing written; each write read back and audited.
 *
 * <p>The funds and investors made here are named with {@link #PREFIX} and removed (soft-deleted)
 * after each test, so that the other tests see only the demo dataset's six funds and seven
 * investors.
 */
class FundMutationsTest extends MutationTest {

	private static final String PREFIX = "变更测试";

	// language=GraphQL
	private static final String CREATE_FUND = """
			mutation($input: CreateFundInput!) {
			  createFund(input: $input) {
			    fund {
			      id name nameEn size { amount(unit: YI) currency } vintageYear manager { id } focusSectors { id }
			      committed { amount } called { amount } uncalled { amount } version provenance { kind source }
			    }
			    userErrors { field code message }
			  }
			}""";

	// language=GraphQL
	private static final String UPDATE_FUND = """
			mutation($input: UpdateFundInput!) {
			  updateFund(input: $input) {
			    fund { id name size { amount(unit: YI) currency } vintageYear focusSectors { id } version }
			    userErrors { field code message }
			  }
			}""";

	// language=GraphQL
	private static final String CREATE_INVESTOR = """
			mutation($input: CreateInvestorInput!) {
			  createInvestor(input: $input) {
			    investor { id name nameEn type version provenance { kind source } }
			    userErrors { field code message }
			  }
			}""";

	// language=GraphQL
	private static final String UPDATE_INVESTOR = """
			mutation($input: UpdateInvestorInput!) {
			  updateInvestor(input: $input) {
			    investor { id name nameEn type version }
			    userErrors { field code message }
			  }
			}""";

	// language=GraphQL
	private static final String COMMITMENT_FIELDS = """
			commitment {
			  id committed { amount currency } called { amount currency } uncalled { amount } committedOn version
			  fund { id committed { amount } called { amount } uncalled { amount } }
			  investor { id }
			}
			userErrors { field code message }""";

	// language=GraphQL
	private static final String CREATE_COMMITMENT = "mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { "
			+ COMMITMENT_FIELDS + " } }";

	// language=GraphQL
	private static final String UPDATE_COMMITMENT = "mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { "
			+ COMMITMENT_FIELDS + " } }";

	// language=GraphQL
	private static final String RECORD_CAPITAL_CALL = "mutation($input: RecordCapitalCallInput!) { recordCapitalCall(input: $input) { "
			+ COMMITMENT_FIELDS + " } }";

	@AfterEach
	void removeWhatTheTestMade() {
		String names = PREFIX + "%";
		this.jdbc.update("""
				UPDATE commitment SET deleted_at = CURRENT_TIMESTAMP(6)
				WHERE deleted_at IS NULL
				  AND (fund_id IN (SELECT f.id FROM fund f WHERE f.name LIKE ?)
				       OR investor_id IN (SELECT v.id FROM investor v WHERE v.name LIKE ?))""", names, names);
		this.jdbc.update("UPDATE fund SET deleted_at = CURRENT_TIMESTAMP(6) WHERE deleted_at IS NULL AND name LIKE ?", names);
		this.jdbc.update("UPDATE investor SET deleted_at = CURRENT_TIMESTAMP(6) WHERE deleted_at IS NULL AND name LIKE ?",
				names);
	}

	// Funds

	@Test
	void aNewFundIsReadBackWithItsManagerAndFocusSectorsAndAudited() {
		String manager = createInvestor("管理人");
		List<String> sectors = query("{ sectors { id } }", "sectors[*].id");
		String name = name("基金");
		Map<String, Object> input = new HashMap<>();
		input.put("name", "  " + name + " ");
		input.put("nameEn", "Test Fund");
		input.put("size", Map.of("amount", 12.5, "unit", "YI"));
		input.put("vintageYear", 2024);
		input.put("managerId", manager);
		input.put("focusSectorIds", List.of(sectors.get(1), sectors.get(0), sectors.get(1)));

		Map<String, Object> payload = mutate(CREATE_FUND, "createFund", input);

		assertThat(errors(payload)).isEmpty();
		Map<String, Object> fund = map(payload, "fund");
		assertThat(fund).containsEntry("name", name).containsEntry("nameEn", "Test Fund").containsEntry("vintageYear", 2024)
			.containsEntry("version", 0);
		assertThat(decimal(map(fund, "size").get("amount"))).isEqualByComparingTo("12.5");
		assertThat(map(fund, "size")).containsEntry("currency", "CNY");
		assertThat(map(fund, "manager")).containsEntry("id", manager);
		assertThat(list(fund, "focusSectors").stream().map((s) -> s.get("id"))).containsExactlyInAnyOrder(sectors.get(0),
				sectors.get(1));
		assertThat(decimal(map(fund, "committed").get("amount"))).isZero();
		assertThat(map(fund, "provenance")).containsEntry("kind", "REPORTED").containsEntry("source", "API: demo-admin");
		String id = (String) fund.get("id");
		assertThat((String) query("query($id: ID!) { node(id: $id) { ... on Fund { name } } }", "node.name", Map.of("id", id)))
			.isEqualTo(name);

		List<Map<String, Object>> audit = audit(id);
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0)).containsEntry("action", "CREATE").containsEntry("actor", "demo-admin").containsEntry("entityId", id);
		assertThat(map(map(audit.get(0), "changes"), "size")).containsEntry("before", null).containsEntry("after", "1250000000.00");
		assertThat(map(map(audit.get(0), "changes"), "name")).containsEntry("after", name);
	}

	@Test
	void aFundWithBadInputIsRefusedFieldByFieldAndNothingIsWritten() {
		String sector = query("{ sectors { id } }", "sectors[0].id");
		long funds = count("fund");
		long focus = count("fund_sector");
		Map<String, Object> input = new HashMap<>();
		input.put("name", " ");
		input.put("size", Map.of("amount", -1));
		input.put("vintageYear", LocalDate.now(ZoneOffset.UTC).getYear() + 1);
		input.put("managerId", sector);
		input.put("focusSectorIds", List.of(sector, GlobalId.encode("Sector", 999_999), "not an id"));

		List<Map<String, Object>> errors = errors(mutate(CREATE_FUND, "createFund", input));

		assertThat(errors).extracting((e) -> e.get("field"), (e) -> e.get("code"))
			.containsExactlyInAnyOrder(tuple(List.of("input", "name"), "REQUIRED"),
					tuple(List.of("input", "size", "amount"), "INVALID"), tuple(List.of("input", "vintageYear"), "INVALID"),
					tuple(List.of("input", "managerId"), "INVALID"),
					tuple(List.of("input", "focusSectorIds", "1"), "NOT_FOUND"),
					tuple(List.of("input", "focusSectorIds", "2"), "INVALID"));
		assertThat(errors).allSatisfy((e) -> assertThat((String) e.get("message")).isNotBlank());
		assertThat(count("fund")).isEqualTo(funds);
		assertThat(count("fund_sector")).isEqualTo(focus);
	}

	@Test
	void aFundNameIsUniqueAndAFundNeedsALiveManager() {
		String name = createFund("重名", "10", null).get("name").toString();
		long funds = count("fund");

		List<Map<String, Object>> duplicate = errors(mutate(CREATE_FUND, "createFund",
				Map.of("name", name, "size", Map.of("amount", 1), "vintageYear", 2024)));
		List<Map<String, Object>> noManager = errors(mutate(CREATE_FUND, "createFund", Map.of("name", name("无管理人"),
				"size", Map.of("amount", 1), "vintageYear", 2024, "managerId", GlobalId.encode("Investor", 999_999))));
		List<Map<String, Object>> badCurrency = errors(mutate(CREATE_FUND, "createFund",
				Map.of("name", name("币种"), "size", Map.of("amount", 1, "currency", "usd"), "vintageYear", 2024)));
		List<Map<String, Object>> fractionOfAFen = errors(mutate(CREATE_FUND, "createFund",
				Map.of("name", name("分"), "size", Map.of("amount", new BigDecimal("1.001")), "vintageYear", 2024)));

		assertError(duplicate, "DUPLICATE", "input", "name");
		assertError(noManager, "NOT_FOUND", "input", "managerId");
		assertError(badCurrency, "INVALID", "input", "size", "currency");
		assertError(fractionOfAFen, "INVALID", "input", "size", "amount");
		assertThat(count("fund")).isEqualTo(funds);
	}

	@Test
	void aFundsSizeNeverFallsBelowItsCommitments() {
		Map<String, Object> fund = createFund("缩规模", "10", null);
		String fundId = (String) fund.get("id");
		commit(fundId, createInvestor("出资人"), "8");
		Map<String, Object> before = fundRow(fundId);

		List<Map<String, Object>> errors = errors(mutate(UPDATE_FUND, "updateFund",
				Map.of("id", fundId, "expectedVersion", 0, "size", Map.of("amount", "7.99", "unit", "YI"))));
		List<Map<String, Object>> currency = errors(mutate(UPDATE_FUND, "updateFund",
				Map.of("id", fundId, "expectedVersion", 0, "size", Map.of("amount", 100, "unit", "YI", "currency", "USD"))));

		assertError(errors, "INVALID", "input", "size", "amount");
		assertThat((String) errors.get(0).get("message")).contains("800000000.00");
		assertError(currency, "INVALID", "input", "size", "currency");
		assertThat(fundRow(fundId)).isEqualTo(before);

		Map<String, Object> payload = mutate(UPDATE_FUND, "updateFund",
				Map.of("id", fundId, "expectedVersion", 0, "size", Map.of("amount", 8, "unit", "YI")));
		assertThat(errors(payload)).isEmpty();
		assertThat(decimal(map(map(payload, "fund"), "size").get("amount"))).isEqualByComparingTo("8");
	}

	@Test
	void aFundUpdateChangesWhatItNamesBumpsTheVersionAndIsAudited() {
		Map<String, Object> fund = createFund("改名", "5", null);
		String id = (String) fund.get("id");
		List<String> sectors = query("{ sectors { id } }", "sectors[*].id");
		String renamed = name("改名后");

		Map<String, Object> payload = mutate(UPDATE_FUND, "updateFund", Map.of("id", id, "expectedVersion", 0, "name",
				renamed, "vintageYear", 2023, "focusSectorIds", List.of(sectors.get(2))));

		assertThat(errors(payload)).isEmpty();
		Map<String, Object> updated = map(payload, "fund");
		assertThat(updated).containsEntry("name", renamed).containsEntry("vintageYear", 2023).containsEntry("version", 1);
		assertThat(decimal(map(updated, "size").get("amount"))).isEqualByComparingTo("5");
		assertThat(list(updated, "focusSectors")).extracting((s) -> s.get("id")).containsExactly(sectors.get(2));
		List<Map<String, Object>> audit = audit(id);
		assertThat(audit).extracting((e) -> e.get("action")).containsExactly("UPDATE", "CREATE");
		Map<String, Object> changes = map(audit.get(0), "changes");
		assertThat(changes).containsOnlyKeys("name", "vintageYear", "focusSectorIds");
		assertThat(map(changes, "name")).containsEntry("before", fund.get("name")).containsEntry("after", renamed);
		assertThat(map(changes, "vintageYear")).containsEntry("before", 2024).containsEntry("after", 2023);
	}

	@Test
	void aStaleOrMissingVersionIsAConflictAndChangesNothing() {
		Map<String, Object> fund = createFund("并发", "5", null);
		String id = (String) fund.get("id");
		assertThat(errors(mutate(UPDATE_FUND, "updateFund", Map.of("id", id, "expectedVersion", 0, "nameEn", "First"))))
			.isEmpty();
		Map<String, Object> before = fundRow(id);

		List<Map<String, Object>> stale = errors(
				mutate(UPDATE_FUND, "updateFund", Map.of("id", id, "expectedVersion", 0, "nameEn", "Second")));
		List<Map<String, Object>> unknown = errors(mutate(UPDATE_FUND, "updateFund",
				Map.of("id", GlobalId.encode("Fund", 999_999), "expectedVersion", 0, "nameEn", "Second")));

		assertError(stale, "CONFLICT", "input", "expectedVersion");
		assertError(unknown, "NOT_FOUND", "input", "id");
		assertThat(fundRow(id)).isEqualTo(before);
		assertThat(audit(id)).hasSize(2);
	}

	// Investors

	@Test
	void anInvestorIsCreatedAndUpdatedAtItsVersionWithAUniqueName() {
		String name = name("投资人");
		Map<String, Object> created = mutate(CREATE_INVESTOR, "createInvestor",
				Map.of("name", name, "nameEn", "Test Investor", "type", "BANK"));
		assertThat(errors(created)).isEmpty();
		Map<String, Object> investor = map(created, "investor");
		assertThat(investor).containsEntry("name", name).containsEntry("type", "BANK").containsEntry("version", 0);
		String id = (String) investor.get("id");
		long investors = count("investor");

		assertError(errors(mutate(CREATE_INVESTOR, "createInvestor", Map.of("name", name, "type", "OTHER"))), "DUPLICATE",
				"input", "name");
		assertError(errors(mutate(CREATE_INVESTOR, "createInvestor", Map.of("name", "x".repeat(201), "type", "OTHER"))),
				"INVALID", "input", "name");
		assertThat(count("investor")).isEqualTo(investors);

		Map<String, Object> updated = mutate(UPDATE_INVESTOR, "updateInvestor",
				Map.of("id", id, "expectedVersion", 0, "type", "CORPORATE", "nameEn", "Renamed"));
		assertThat(errors(updated)).isEmpty();
		assertThat(map(updated, "investor")).containsEntry("type", "CORPORATE").containsEntry("nameEn", "Renamed")
			.containsEntry("name", name).containsEntry("version", 1);
		assertError(errors(mutate(UPDATE_INVESTOR, "updateInvestor", Map.of("id", id, "expectedVersion", 0, "type", "BANK"))),
				"CONFLICT", "input", "expectedVersion");
		assertError(errors(mutate(UPDATE_INVESTOR, "updateInvestor",
				Map.of("id", id, "expectedVersion", 1, "name", "毅达资本"))), "DUPLICATE", "input", "name");
		assertThat((String) query("query($id: ID!) { node(id: $id) { ... on Investor { type } } }", "node.type",
				Map.of("id", id))).isEqualTo("CORPORATE");

		List<Map<String, Object>> audit = audit(id);
		assertThat(audit).extracting((e) -> e.get("action")).containsExactly("UPDATE", "CREATE");
		assertThat(map(map(audit.get(0), "changes"), "type")).containsEntry("before", "BANK").containsEntry("after", "CORPORATE");
	}

	// Commitments

	@Test
	void aCommitmentCountsTowardsItsFundAndIsAudited() {
		String fund = (String) createFund("认缴", "10", null).get("id");
		String investor = createInvestor("认缴人");

		Map<String, Object> payload = mutate(CREATE_COMMITMENT, "createCommitment", Map.of("fundId", fund, "investorId",
				investor, "committed", Map.of("amount", 3, "unit", "YI"), "committedOn", "2024-05-01"));

		assertThat(errors(payload)).isEmpty();
		Map<String, Object> commitment = map(payload, "commitment");
		assertThat(decimal(map(commitment, "committed").get("amount"))).isEqualByComparingTo("300000000");
		assertThat(decimal(map(commitment, "called").get("amount"))).isZero();
		assertThat(commitment).containsEntry("committedOn", "2024-05-01").containsEntry("version", 0);
		assertThat(map(commitment, "investor")).containsEntry("id", investor);
		assertThat(decimal(map(map(commitment, "fund"), "committed").get("amount"))).isEqualByComparingTo("300000000");
		List<String> fundsOfInvestor = query("query($id: ID!) { node(id: $id) { ... on Investor { funds { nodes { id } } } } }",
				"node.funds.nodes[*].id", Map.of("id", investor));
		assertThat(fundsOfInvestor).containsExactly(fund);
		List<Map<String, Object>> audit = audit((String) commitment.get("id"));
		assertThat(audit).extracting((e) -> e.get("action")).containsExactly("CREATE");
		assertThat(map(map(audit.get(0), "changes"), "committed")).containsEntry("after", "300000000.00");
	}

	@Test
	void aCommitmentIsOnePerFundAndInvestorInTheFundsCurrencyAndWithinItsSize() {
		String fund = (String) createFund("规模上限", "10", null).get("id");
		String first = createInvestor("甲");
		String second = createInvestor("乙");
		commit(fund, first, "6");
		long commitments = count("commitment");

		List<Map<String, Object>> twice = errors(mutate(CREATE_COMMITMENT, "createCommitment",
				Map.of("fundId", fund, "investorId", first, "committed", Map.of("amount", 1, "unit", "YI"))));
		List<Map<String, Object>> dollars = errors(mutate(CREATE_COMMITMENT, "createCommitment", Map.of("fundId", fund,
				"investorId", second, "committed", Map.of("amount", 1, "unit", "YI", "currency", "USD"))));
		List<Map<String, Object>> beyondSize = errors(mutate(CREATE_COMMITMENT, "createCommitment",
				Map.of("fundId", fund, "investorId", second, "committed", Map.of("amount", "4.01", "unit", "YI"))));
		List<Map<String, Object>> nothing = errors(mutate(CREATE_COMMITMENT, "createCommitment",
				Map.of("fundId", fund, "investorId", second, "committed", Map.of("amount", 0))));
		List<Map<String, Object>> future = errors(mutate(CREATE_COMMITMENT, "createCommitment",
				Map.of("fundId", fund, "investorId", second, "committed", Map.of("amount", 1), "committedOn",
						LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())));
		List<Map<String, Object>> noFund = errors(mutate(CREATE_COMMITMENT, "createCommitment", Map.of("fundId",
				GlobalId.encode("Fund", 999_999), "investorId", fund, "committed", Map.of("amount", 1))));

		assertError(twice, "DUPLICATE", "input", "investorId");
		assertError(dollars, "INVALID", "input", "committed", "currency");
		assertError(beyondSize, "INVALID", "input", "committed", "amount");
		assertThat((String) beyondSize.get(0).get("message")).contains("400000000.00");
		assertError(nothing, "INVALID", "input", "committed", "amount");
		assertError(future, "INVALID", "input", "committedOn");
		assertThat(noFund).extracting((e) -> e.get("field"), (e) -> e.get("code"))
			.containsExactlyInAnyOrder(tuple(List.of("input", "fundId"), "NOT_FOUND"), tuple(List.of("input", "investorId"), "INVALID"));
		assertThat(count("commitment")).isEqualTo(commitments);

		Map<String, Object> exactlyFull = mutate(CREATE_COMMITMENT, "createCommitment",
				Map.of("fundId", fund, "investorId", second, "committed", Map.of("amount", 4, "unit", "YI")));
		assertThat(errors(exactlyFull)).isEmpty();
		assertThat(decimal(map(map(map(exactlyFull, "commitment"), "fund"), "uncalled").get("amount")))
			.isEqualByComparingTo("1000000000");
	}

	@Test
	void theDemoFundsAreFullyCommittedSoANewCommitmentIsRefused() {
		String demoFund = idOf("funds", "长合区科创天使基金");
		String investor = createInvestor("迟到者");
		long commitments = count("commitment");

		List<Map<String, Object>> errors = errors(mutate(CREATE_COMMITMENT, "createCommitment",
				Map.of("fundId", demoFund, "investorId", investor, "committed", Map.of("amount", 1))));

		assertError(errors, "INVALID", "input", "committed", "amount");
		assertThat(count("commitment")).isEqualTo(commitments);
	}

	@Test
	void aCommitmentNeverFallsBelowWhatWasCalledNorBeyondTheFundsSize() {
		String fund = (String) createFund("调整认缴", "10", null).get("id");
		commit(fund, createInvestor("丙"), "5");
		Map<String, Object> commitment = commit(fund, createInvestor("丁"), "4");
		String id = (String) commitment.get("id");
		assertThat(errors(call(id, "3", "2024-06-01", null))).isEmpty();
		Map<String, Object> before = commitmentRow(id);

		List<Map<String, Object>> belowCalled = errors(mutate(UPDATE_COMMITMENT, "updateCommitment",
				Map.of("id", id, "expectedVersion", 1, "committed", Map.of("amount", "2.99", "unit", "YI"))));
		List<Map<String, Object>> beyondSize = errors(mutate(UPDATE_COMMITMENT, "updateCommitment",
				Map.of("id", id, "expectedVersion", 1, "committed", Map.of("amount", "5.01", "unit", "YI"))));
		List<Map<String, Object>> afterTheFirstCall = errors(mutate(UPDATE_COMMITMENT, "updateCommitment",
				Map.of("id", id, "expectedVersion", 1, "committedOn", "2024-06-02")));
		List<Map<String, Object>> stale = errors(mutate(UPDATE_COMMITMENT, "updateCommitment",
				Map.of("id", id, "expectedVersion", 0, "committed", Map.of("amount", 5, "unit", "YI"))));

		assertError(belowCalled, "INVALID", "input", "committed", "amount");
		assertError(beyondSize, "INVALID", "input", "committed", "amount");
		assertError(afterTheFirstCall, "OUT_OF_ORDER", "input", "committedOn");
		assertError(stale, "CONFLICT", "input", "expectedVersion");
		assertThat(commitmentRow(id)).isEqualTo(before);

		Map<String, Object> payload = mutate(UPDATE_COMMITMENT, "updateCommitment",
				Map.of("id", id, "expectedVersion", 1, "committed", Map.of("amount", 5, "unit", "YI"), "committedOn", "2024-05-15"));
		assertThat(errors(payload)).isEmpty();
		Map<String, Object> updated = map(payload, "commitment");
		assertThat(updated).containsEntry("committedOn", "2024-05-15").containsEntry("version", 2);
		assertThat(decimal(map(updated, "uncalled").get("amount"))).isEqualByComparingTo("200000000");
		assertThat(decimal(map(map(updated, "fund"), "committed").get("amount"))).isEqualByComparingTo("1000000000");
		assertThat(audit(id)).extracting((e) -> e.get("action")).containsExactly("UPDATE", "CAPITAL_CALL", "CREATE");
	}

	// Capital calls

	@Test
	void aCapitalCallRaisesCalledOnTheCommitmentAndTheFundAndIsAudited() {
		String fund = (String) createFund("实缴", "10", null).get("id");
		Map<String, Object> commitment = commit(fund, createInvestor("实缴人"), "6");
		String id = (String) commitment.get("id");
		long calls = count("capital_call");

		Map<String, Object> payload = call(id, "1.5", "2024-07-01", 0);

		assertThat(errors(payload)).isEmpty();
		Map<String, Object> called = map(payload, "commitment");
		assertThat(decimal(map(called, "called").get("amount"))).isEqualByComparingTo("150000000");
		assertThat(decimal(map(called, "uncalled").get("amount"))).isEqualByComparingTo("450000000");
		assertThat(called).containsEntry("version", 1);
		assertThat(decimal(map(map(called, "fund"), "called").get("amount"))).isEqualByComparingTo("150000000");
		assertThat(decimal(map(map(called, "fund"), "uncalled").get("amount"))).isEqualByComparingTo("450000000");
		assertThat(count("capital_call")).isEqualTo(calls + 1);

		assertThat(errors(call(id, "4.5", "2024-08-01", null))).isEmpty();
		// language=GraphQL
		String read = """
				query($id: ID!) {
				  node(id: $id) { ... on Fund { called { amount(unit: YI) } uncalled { amount(unit: YI) } committed { amount(unit: YI) } } }
				}""";
		Map<String, Object> figures = query(read, "node", Map.of("id", fund));
		assertThat(decimal(map(figures, "called").get("amount"))).isEqualByComparingTo("6");
		assertThat(decimal(map(figures, "uncalled").get("amount"))).isEqualByComparingTo("0");
		assertThat(decimal(map(figures, "committed").get("amount"))).isEqualByComparingTo("6");

		List<Map<String, Object>> audit = audit(id);
		assertThat(audit).extracting((e) -> e.get("action")).containsExactly("CAPITAL_CALL", "CAPITAL_CALL", "CREATE");
		assertThat(map(map(audit.get(1), "changes"), "called")).containsEntry("before", "0.00").containsEntry("after",
				"150000000.00");
		assertThat(map(map(audit.get(1), "changes"), "calledOn")).containsEntry("after", "2024-07-01");
	}

	@Test
	void calledNeverExceedsCommittedAndARefusedCallWritesNothing() {
		String fund = (String) createFund("超额", "10", null).get("id");
		Map<String, Object> commitment = commit(fund, createInvestor("超额人"), "2");
		String id = (String) commitment.get("id");
		assertThat(errors(call(id, "1.5", "2024-07-01", 0))).isEmpty();
		Map<String, Object> before = commitmentRow(id);
		long calls = count("capital_call");

		List<Map<String, Object>> tooMuch = errors(call(id, "0.51", "2024-07-02", 1));
		List<Map<String, Object>> nothing = errors(call(id, "0", "2024-07-02", 1));
		List<Map<String, Object>> negative = errors(call(id, "-0.1", "2024-07-02", 1));
		List<Map<String, Object>> stale = errors(call(id, "0.1", "2024-07-02", 0));
		List<Map<String, Object>> beforeCommitted = errors(call(id, "0.1", "2024-04-30", 1));
		List<Map<String, Object>> future = errors(call(id, "0.1", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(), 1));
		List<Map<String, Object>> dollars = errors(mutate(RECORD_CAPITAL_CALL, "recordCapitalCall", Map.of("commitmentId", id,
				"amount", Map.of("amount", 1, "currency", "USD"), "calledOn", "2024-07-02")));
		List<Map<String, Object>> noCommitment = errors(call(GlobalId.encode("Commitment", 999_999), "0.1", "2024-07-02", null));

		assertError(tooMuch, "INVALID", "input", "amount", "amount");
		assertThat((String) tooMuch.get(0).get("message")).contains("50000000.00");
		assertError(nothing, "INVALID", "input", "amount", "amount");
		assertError(negative, "INVALID", "input", "amount", "amount");
		assertError(stale, "CONFLICT", "input", "expectedVersion");
		assertError(beforeCommitted, "OUT_OF_ORDER", "input", "calledOn");
		assertError(future, "INVALID", "input", "calledOn");
		assertError(dollars, "INVALID", "input", "amount", "currency");
		assertError(noCommitment, "NOT_FOUND", "input", "commitmentId");
		assertThat(commitmentRow(id)).isEqualTo(before);
		assertThat(count("capital_call")).isEqualTo(calls);
		assertThat(audit(id)).extracting((e) -> e.get("action")).containsExactly("CAPITAL_CALL", "CREATE");

		assertThat(errors(call(id, "0.5", "2024-07-02", 1))).as("exactly what remains").isEmpty();
	}

	@Test
	void concurrentCallsAndCommitmentsNeverTakeAFundBeyondItsLimits() throws Exception {
		String fund = (String) createFund("并发上限", "10", null).get("id");
		String commitment = (String) commit(fund, createInvestor("并发实缴"), "5").get("id");
		List<String> investors = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			investors.add(createInvestor("并发认缴" + i));
		}
		List<java.util.concurrent.Callable<Map<String, Object>>> writes = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String investor = investors.get(i);
			writes.add(() -> call(commitment, "1", "2024-07-01", null));
			writes.add(() -> mutate(CREATE_COMMITMENT, "createCommitment",
					Map.of("fundId", fund, "investorId", investor, "committed", Map.of("amount", 1, "unit", "YI"))));
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		int accepted = 0;
		try {
			for (java.util.concurrent.Future<Map<String, Object>> future : pool.invokeAll(writes)) {
				List<Map<String, Object>> errors = errors(future.get());
				if (errors.isEmpty()) {
					accepted++;
				}
				else {
					assertThat(errors).extracting((e) -> e.get("code")).containsExactly("INVALID");
				}
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(accepted).as("5 calls of 1亿 and 5 commitments of 1亿").isEqualTo(10);
		Map<String, Object> figures = query("query($id: ID!) { node(id: $id) { ... on Fund { committed { amount(unit: YI) }"
				+ " called { amount(unit: YI) } } } }", "node", Map.of("id", fund));
		assertThat(decimal(map(figures, "committed").get("amount"))).isEqualByComparingTo("10");
		assertThat(decimal(map(figures, "called").get("amount"))).isEqualByComparingTo("5");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM capital_call WHERE commitment_id = ?", Long.class,
				GlobalId.keyOf(commitment, "Commitment", "id"))).isEqualTo(5);
		assertThat(audit(commitment)).hasSize(6);
	}

	// Helpers

	private Map<String, Object> createFund(String label, String sizeYi, String managerId) {
		Map<String, Object> input = new HashMap<>();
		input.put("name", name(label));
		input.put("size", Map.of("amount", sizeYi, "unit", "YI"));
		input.put("vintageYear", 2024);
		if (managerId != null) {
			input.put("managerId", managerId);
		}
		Map<String, Object> payload = mutate(CREATE_FUND, "createFund", input);
		assertThat(errors(payload)).isEmpty();
		return map(payload, "fund");
	}

	private String createInvestor(String label) {
		Map<String, Object> payload = mutate(CREATE_INVESTOR, "createInvestor",
				Map.of("name", name(label), "type", "INSTITUTION"));
		assertThat(errors(payload)).isEmpty();
		return (String) map(payload, "investor").get("id");
	}

	private Map<String, Object> commit(String fund, String investor, String yi) {
		Map<String, Object> payload = mutate(CREATE_COMMITMENT, "createCommitment", Map.of("fundId", fund, "investorId",
				investor, "committed", Map.of("amount", yi, "unit", "YI"), "committedOn", "2024-05-01"));
		assertThat(errors(payload)).isEmpty();
		return map(payload, "commitment");
	}

	private Map<String, Object> call(String commitment, String yi, String calledOn, Integer expectedVersion) {
		Map<String, Object> input = new HashMap<>();
		input.put("commitmentId", commitment);
		input.put("amount", Map.of("amount", yi, "unit", "YI"));
		input.put("calledOn", calledOn);
		if (expectedVersion != null) {
			input.put("expectedVersion", expectedVersion);
		}
		return mutate(RECORD_CAPITAL_CALL, "recordCapitalCall", input);
	}

	private Map<String, Object> fundRow(String id) {
		return this.jdbc.queryForMap("SELECT name, name_en, size, currency, vintage_year, manager_id, version, updated_at"
				+ " FROM fund WHERE id = ?", GlobalId.keyOf(id, "Fund", "id"));
	}

	private Map<String, Object> commitmentRow(String id) {
		return this.jdbc.queryForMap("SELECT committed, called, committed_on, version, updated_at FROM commitment WHERE id = ?",
				GlobalId.keyOf(id, "Commitment", "id"));
	}

	private static String name(String label) {
		return unique(PREFIX + label + "-");
	}

}
