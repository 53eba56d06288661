package cn.changhe.portfolio.writes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static cn.changhe.portfolio.writes.EnterpriseWritesTest.assertError;
import static cn.changhe.portfolio.writes.EnterpriseWritesTest.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger writes: what each kind needs, and every write showing at once, exactly, in the summaries.
 */
class InvestmentWritesTest extends WritesTest {

	// language=GraphQL
	private static final String SUMMARY = """
			query($year: Int!) {
			  totals: investmentSummary(groupBy: [SECTOR, YEAR, KIND], filter: { yearFrom: $year, yearTo: $year }) {
			    sector { code } kind currency count total { amount } min { amount } max { amount }
			  }
			  ledger: investments(filter: { yearFrom: $year, yearTo: $year }, first: 100) { totalCount nodes { amount { amount } } }
			}""";

	// language=GraphQL
	private static final String UPDATE = """
			mutation($input: UpdateInvestmentInput!) {
			  updateInvestment(input: $input) { investment { amount { amount } version } userErrors { field code } }
			}""";

	// language=GraphQL
	private static final String DELETE = """
			mutation($input: DeleteInput!) { deleteInvestment(input: $input) { deletedId userErrors { field code } } }""";

	@Test
	void aNewInvestmentShowsInTheSummaryAtOnceAndItsUpdateAndDeleteToo() {
		String project = project();
		Map<String, Object> recorded = record(Map.of("kind", "FIXED_ASSET", "amount", Map.of("amount", "1.25", "unit", "YI"),
				"year", 2032, "date", "2024-05-06", "projectId", project));
		assertError(recorded, List.of("input", "date"), "INVALID");
		recorded = record(Map.of("kind", "FIXED_ASSET", "amount", Map.of("amount", "1.25", "unit", "YI"), "year", 2024,
				"date", "2024-05-06", "projectId", project, "note", "二期厂房"));
		assertThat((List<?>) recorded.get("userErrors")).isEmpty();
		Map<String, Object> investment = (Map<String, Object>) recorded.get("investment");
		assertThat(investment).containsEntry("kind", "FIXED_ASSET").containsEntry("year", 2024);
		String id = (String) investment.get("id");

		BigDecimal before = total2024("FIXED_ASSET");
		Map<String, Object> second = record(Map.of("kind", "FIXED_ASSET", "amount", Map.of("amount", "0.01"), "year", 2024,
				"projectId", project));
		assertThat(total2024("FIXED_ASSET")).isEqualByComparingTo(before.add(new BigDecimal("0.01")));

		Map<String, Object> updated = mutate(UPDATE, "updateInvestment",
				Map.of("id", id, "expectedVersion", 0, "amount", Map.of("amount", "1.5", "unit", "YI")));
		assertThat((List<?>) updated.get("userErrors")).isEmpty();
		assertThat(total2024("FIXED_ASSET")).isEqualByComparingTo(before.add(new BigDecimal("25000000.01")));
		assertError(mutate(UPDATE, "updateInvestment", Map.of("id", id, "expectedVersion", 0, "note", "stale")),
				List.of("input", "expectedVersion"), "CONFLICT");

		assertThat(mutate(DELETE, "deleteInvestment", Map.of("id", id, "expectedVersion", 1)).get("deletedId")).isEqualTo(id);
		String secondId = (String) ((Map<?, ?>) second.get("investment")).get("id");
		assertThat(mutate(DELETE, "deleteInvestment", Map.of("id", secondId, "expectedVersion", 0)).get("deletedId")).isEqualTo(secondId);
		assertThat(total2024("FIXED_ASSET")).isEqualByComparingTo(before.subtract(new BigDecimal("125000000.00")));
		assertTotalsMatchLedger(2024);
	}

	@Test
	void eachMutationOfADocumentReadsWhatTheOnesBeforeItWrote() {
		// root mutations run one after another; what a later one reads must not come from what an
		// earlier one read before the write in between
		String project = project();
		Map<String, Object> before = query("query($id: ID!) { node(id: $id) { ... on Project { name version } } }", "node",
				Map.of("id", project));
		// language=GraphQL
		String document = """
				mutation($project: ID!, $rename: UpdateProjectInput!) {
				  a: recordInvestment(input: { kind: LOAN, amount: { amount: "100" }, year: 2024, projectId: $project }) {
				    investment { project { name investments(first: 100) { totalCount } } } }
				  b: updateProject(input: $rename) { project { name } userErrors { field code } }
				  c: recordInvestment(input: { kind: LOAN, amount: { amount: "100" }, year: 2024, projectId: $project }) {
				    investment { project { name investments(first: 100) { totalCount } } } }
				}""";
		Map<String, Object> rename = Map.of("id", project, "expectedVersion", before.get("version"), "name",
				before.get("name") + "（二期）");
		Map<String, Object> data = this.graphQl.document(document)
			.variable("project", project)
			.variable("rename", rename)
			.execute()
			.errors()
			.verify()
			.path("")
			.entity(Map.class)
			.get();
		Map<String, Object> a = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) data.get("a")).get("investment")).get("project");
		Map<String, Object> c = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) data.get("c")).get("investment")).get("project");
		assertThat(a.get("name")).isEqualTo(before.get("name"));
		assertThat(c.get("name")).isEqualTo(before.get("name") + "（二期）");
		assertThat(((Number) ((Map<?, ?>) c.get("investments")).get("totalCount")).intValue())
			.isEqualTo(((Number) ((Map<?, ?>) a.get("investments")).get("totalCount")).intValue() + 1);
	}

	@Test
	void eachKindNeedsWhatItIsOf() {
		long before = count("investment");
		assertError(record(Map.of("kind", "FIXED_ASSET", "amount", Map.of("amount", 100), "year", 2024)),
				List.of("input", "projectId"), "REQUIRED");
		assertError(record(Map.of("kind", "FUND_EQUITY", "amount", Map.of("amount", 100), "year", 2024, "enterpriseId", enterprise())),
				List.of("input", "fundId"), "REQUIRED");
		assertError(record(Map.of("kind", "LOAN", "amount", Map.of("amount", 100), "year", 2024)), List.of("input", "projectId"),
				"REQUIRED");
		assertError(record(Map.of("kind", "FIXED_ASSET", "amount", Map.of("amount", 100, "currency", "USD"), "year", 2024,
				"projectId", project())), List.of("input", "amount", "currency"), "INVALID");
		assertError(record(Map.of("kind", "LOAN", "amount", Map.of("amount", "0.001"), "year", 2024, "projectId", project())),
				List.of("input", "amount", "amount"), "INVALID");
		assertError(record(Map.of("kind", "LOAN", "amount", Map.of("amount", "1e17"), "year", 2024, "projectId", project())),
				List.of("input", "amount", "amount"), "INVALID");
		assertError(record(Map.of("kind", "LOAN", "amount", Map.of("amount", 5, "currency", "usd"), "year", 1800,
				"projectId", project())), List.of("input", "year"), "INVALID");
		String fund = query("{ funds(first: 1) { nodes { id } } }", "funds.nodes[0].id");
		assertError(record(Map.of("kind", "FUND_EQUITY", "amount", Map.of("amount", 5, "currency", "USD"), "year", 2024,
				"fundId", fund, "enterpriseId", enterprise())), List.of("input", "amount", "currency"), "INVALID");
		assertError(record(Map.of("kind", "FIXED_ASSET", "amount", Map.of("amount", 5), "year", 2024, "projectId", project(),
				"enterpriseId", query("{ enterprises(filter: { nameContains: \"奥氏环境\" }) { nodes { id } } }", "enterprises.nodes[0].id"))),
				List.of("input", "enterpriseId"), "INVALID");
		assertThat(count("investment")).isEqualTo(before);
	}

	@Test
	void concurrentWritesToOneGroupKeepItsTotalsExact() throws Exception {
		String project = project();
		int writers = 12;
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Callable<Map<String, Object>>> writes = new ArrayList<>();
		for (int i = 1; i <= writers; i++) {
			String amount = i + "000.0" + (i % 10);
			writes.add(() -> record(Map.of("kind", "LOAN", "amount", Map.of("amount", amount), "year", 2033, "projectId", project)));
		}
		for (Future<Map<String, Object>> future : pool.invokeAll(writes)) {
			assertThat((List<?>) future.get().get("userErrors")).isEmpty();
		}
		pool.shutdown();
		assertTotalsMatchLedger(2033);
		int count = query(SUMMARY, "ledger.totalCount", Map.of("year", 2033));
		assertThat(count).isEqualTo(writers);
	}

	@Test
	void everyWriteKeepsItsGroupsCountTotalLowestAndHighest() {
		String project = project();
		String a = recordedId(record(Map.of("kind", "LOAN", "amount", Map.of("amount", "100.10"), "year", 2040, "projectId", project)));
		String b = recordedId(record(Map.of("kind", "LOAN", "amount", Map.of("amount", "50.05"), "year", 2040, "projectId", project)));
		String c = recordedId(record(Map.of("kind", "LOAN", "amount", Map.of("amount", "300"), "year", 2040, "projectId", project)));
		assertThat(group(2040)).isEqualTo("3 450.15 50.05 300.00").isEqualTo(ledger(2040));
		// the highest falls below the lowest
		update(Map.of("id", c, "expectedVersion", 0, "amount", Map.of("amount", "20")));
		assertThat(group(2040)).isEqualTo("3 170.15 20.00 100.10").isEqualTo(ledger(2040));
		// the lowest moves to another year's group, which it opens
		update(Map.of("id", c, "expectedVersion", 1, "year", 2041));
		assertThat(group(2040)).isEqualTo("2 150.15 50.05 100.10").isEqualTo(ledger(2040));
		assertThat(group(2041)).isEqualTo("1 20.00 20.00 20.00").isEqualTo(ledger(2041));
		// a change of the note alone leaves the group as it was
		update(Map.of("id", a, "expectedVersion", 0, "note", "only a note"));
		assertThat(group(2040)).isEqualTo("2 150.15 50.05 100.10");
		delete(b, 0);
		assertThat(group(2040)).isEqualTo("1 100.10 100.10 100.10").isEqualTo(ledger(2040));
		// the last row leaves, and the group with it
		delete(a, 1);
		assertThat(group(2040)).isEqualTo("none").isEqualTo(ledger(2040));
		assertThat(group(2041)).isEqualTo("1 20.00 20.00 20.00");
	}

	/** The project's sector's LOAN group of a year, as the summary answers it: count, total, lowest, highest. */
	private String group(int year) {
		List<Map<String, Object>> totals = query(SUMMARY, "totals", Map.of("year", year));
		List<String> groups = totals.stream()
			.filter((g) -> "LOAN".equals(g.get("kind")))
			.map((g) -> g.get("count") + " " + money(g.get("total")) + " " + money(g.get("min")) + " " + money(g.get("max")))
			.toList();
		assertThat(groups).hasSizeLessThanOrEqualTo(1);
		return groups.isEmpty() ? "none" : groups.get(0);
	}

	/** The same, summed in SQL from the ledger's live rows. */
	private String ledger(int year) {
		return this.jdbc.query("""
				SELECT COUNT(*), SUM(amount), MIN(amount), MAX(amount) FROM investment
				WHERE year = ? AND kind = 'LOAN' AND deleted_at IS NULL HAVING COUNT(*) > 0""",
				(rs, n) -> rs.getLong(1) + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getBigDecimal(3).toPlainString()
						+ " " + rs.getBigDecimal(4).toPlainString(), year)
			.stream()
			.findFirst()
			.orElse("none");
	}

	private static String money(Object money) {
		return new BigDecimal(((Map<?, ?>) money).get("amount").toString()).setScale(2).toPlainString();
	}

	private static String recordedId(Map<String, Object> recorded) {
		assertThat((List<?>) recorded.get("userErrors")).isEmpty();
		return (String) ((Map<?, ?>) recorded.get("investment")).get("id");
	}

	private void update(Map<String, Object> input) {
		assertThat((List<?>) mutate(UPDATE, "updateInvestment", input).get("userErrors")).isEmpty();
	}

	private void delete(String id, int version) {
		assertThat(mutate(DELETE, "deleteInvestment", Map.of("id", id, "expectedVersion", version)).get("deletedId"))
			.isEqualTo(id);
	}

	private void assertTotalsMatchLedger(int year) {
		List<Map<String, Object>> totals = query(SUMMARY, "totals", Map.of("year", year));
		BigDecimal summed = totals.stream()
			.map((g) -> new BigDecimal(((Map<?, ?>) g.get("total")).get("amount").toString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		int counted = totals.stream().mapToInt((g) -> (Integer) g.get("count")).sum();
		List<Object> amounts = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			Map<String, Object> variables = new java.util.HashMap<>(Map.of("year", year));
			variables.put("after", after);
			Map<String, Object> page = query("""
					query($year: Int!, $after: String) {
					  investments(filter: { yearFrom: $year, yearTo: $year }, first: 100, after: $after) {
					    nodes { amount { amount } } pageInfo { hasNextPage endCursor } } }""", "investments", variables);
			((List<Map<String, Object>>) page.get("nodes")).forEach((n) -> amounts.add(((Map<?, ?>) n.get("amount")).get("amount")));
			more = (Boolean) ((Map<?, ?>) page.get("pageInfo")).get("hasNextPage");
			after = (String) ((Map<?, ?>) page.get("pageInfo")).get("endCursor");
		}
		assertThat(counted).isEqualTo(amounts.size());
		assertThat(summed).isEqualByComparingTo(amounts.stream()
			.map((a) -> new BigDecimal(a.toString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	private BigDecimal total2024(String kind) {
		List<Map<String, Object>> totals = query(SUMMARY, "totals", Map.of("year", 2024));
		return totals.stream()
			.filter((g) -> kind.equals(g.get("kind")) && "CNY".equals(g.get("currency")))
			.map((g) -> new BigDecimal(((Map<?, ?>) g.get("total")).get("amount").toString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private Map<String, Object> record(Map<String, Object> input) {
		return mutate(document("RecordInvestment"), "recordInvestment", input);
	}

	private String project() {
		return query("{ projects(filter: { nameContains: \"杭轴高端精密轴承\" }) { nodes { id } } }", "projects.nodes[0].id");
	}

	private String enterprise() {
		return query("{ enterprises(filter: { nameContains: \"九龙机械\" }) { nodes { id } } }", "enterprises.nodes[0].id");
	}

}
