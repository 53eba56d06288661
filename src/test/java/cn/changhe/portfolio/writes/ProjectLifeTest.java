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
 * A project's whole life through the mutations: its stages in order, its 五未 listing and
 * clearance, optimistic locking under concurrent writers, and the audit trail of it all.
 */
class ProjectLifeTest extends WritesTest {

	@Test
	void aProjectsWholeLifeIsInOrderAndInTheAuditTrail() {
		String project = create("全生命周期测试项目", "5", "2025-01-05");
		int target = registered2025();
		String[][] stages = { { "REGISTERED", "2025-02-01" }, { "STARTED", "2025-03-01" }, { "COMPLETED", "2025-09-30" },
				{ "IN_PRODUCTION", "2025-11-01" }, { "ABOVE_SIZE", "2026-06-30" } };
		for (String[] stage : stages) {
			Map<String, Object> payload = mutate(document("RecordMilestone"), "recordMilestone",
					Map.of("projectId", project, "stage", stage[0], "reachedOn", stage[1]));
			assertThat((List<?>) payload.get("userErrors")).isEmpty();
			assertThat(((Map<?, ?>) payload.get("project")).get("stage")).isEqualTo(stage[0]);
			if (stage[0].equals("REGISTERED")) {
				assertThat(registered2025()).as("the target's actual moves at once").isEqualTo(target + 1);
			}
		}
		Map<String, Object> listed = mutate(document("ListStall"), "listStall",
				Map.of("projectId", project, "category", "PRODUCING_BELOW_CAPACITY", "listedOn", "2026-07-01"));
		assertThat((List<?>) listed.get("userErrors")).as("ABOVE_SIZE is past capacity").isNotEmpty();
		List<Map<String, Object>> audit = query("query($id: ID!) { auditLog(entityId: $id, first: 20) { totalCount nodes { action actor at entityId changes } } }",
				"auditLog.nodes", Map.of("id", project));
		assertThat(audit.stream().map((entry) -> entry.get("action")))
			.containsExactly("RECORD_MILESTONE", "RECORD_MILESTONE", "RECORD_MILESTONE", "RECORD_MILESTONE", "RECORD_MILESTONE",
					"CREATE");
		assertThat(audit).allSatisfy((entry) -> assertThat(entry).containsEntry("actor", "demo-admin").containsEntry("entityId", project));
		Map<String, Object> last = (Map<String, Object>) audit.get(0).get("changes");
		assertThat((Map<String, Object>) last.get("stage")).containsEntry("before", "IN_PRODUCTION").containsEntry("after", "ABOVE_SIZE");
	}

	@Test
	void stagesAreReachedInOrderOnOrAfterThePreviousDay() {
		String project = create("阶段顺序测试项目", "1", "2024-03-01");
		assertError(mutate(document("RecordMilestone"), "recordMilestone",
				Map.of("projectId", project, "stage", "STARTED", "reachedOn", "2024-04-01")), List.of("input", "stage"), "OUT_OF_ORDER");
		assertError(mutate(document("RecordMilestone"), "recordMilestone",
				Map.of("projectId", project, "stage", "REGISTERED", "reachedOn", "2024-02-28")), List.of("input", "reachedOn"),
				"OUT_OF_ORDER");
		assertError(mutate(document("RecordMilestone"), "recordMilestone",
				Map.of("projectId", project, "stage", "SIGNED", "reachedOn", "2024-03-02")), List.of("input", "stage"), "OUT_OF_ORDER");
		assertError(mutate(document("RecordMilestone"), "recordMilestone",
				Map.of("projectId", project, "stage", "REGISTERED", "reachedOn", "2999-01-01")), List.of("input", "reachedOn"),
				"INVALID");
		int milestones = query("query($id: ID!) { node(id: $id) { ... on Project { milestones { stage } } } }",
				"node.milestones.length()", Map.of("id", project));
		assertThat(milestones).as("nothing written").isEqualTo(1);
	}

	@Test
	void aStallFitsTheStageAndIsClearedOnceOnOrAfterItsListing() {
		String project = create("五未测试项目", "4", "2024-01-10");
		mutate(document("RecordMilestone"), "recordMilestone",
				Map.of("projectId", project, "stage", "REGISTERED", "reachedOn", "2024-02-10"));
		assertError(mutate(document("ListStall"), "listStall",
				Map.of("projectId", project, "category", "STARTED_NOT_COMPLETED", "listedOn", "2024-06-01")),
				List.of("input", "category"), "INVALID");
		assertError(mutate(document("ListStall"), "listStall",
				Map.of("projectId", project, "category", "LANDED_NOT_STARTED", "listedOn", "2024-02-01")),
				List.of("input", "listedOn"), "OUT_OF_ORDER");
		Map<String, Object> listed = mutate(document("ListStall"), "listStall",
				Map.of("projectId", project, "category", "LANDED_NOT_STARTED", "listedOn", "2024-06-01"));
		assertThat((Map<String, Object>) ((Map<?, ?>) listed.get("project")).get("stall"))
			.containsEntry("category", "LANDED_NOT_STARTED").containsEntry("listedOn", "2024-06-01").containsEntry("clearedOn", null);
		assertError(mutate(document("ListStall"), "listStall",
				Map.of("projectId", project, "category", "LANDED_NOT_STARTED", "listedOn", "2024-06-02")),
				List.of("input", "projectId"), "DUPLICATE");
		assertError(mutate(document("ClearStall"), "clearStall", Map.of("projectId", project, "clearedOn", "2024-05-31")),
				List.of("input", "clearedOn"), "OUT_OF_ORDER");
		Map<String, Object> cleared = mutate(document("ClearStall"), "clearStall", Map.of("projectId", project, "clearedOn", "2024-09-01"));
		assertThat((Map<String, Object>) ((Map<?, ?>) cleared.get("project")).get("stall")).containsEntry("clearedOn", "2024-09-01");
		assertError(mutate(document("ClearStall"), "clearStall", Map.of("projectId", project, "clearedOn", "2024-09-02")),
				List.of("input", "projectId"), "NOT_FOUND");
	}

	@Test
	void concurrentWritersToOneProjectNeverLoseAnUpdate() throws Exception {
		String project = create("并发测试项目", "2", "2024-01-10");
		int writers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		List<Callable<Map<String, Object>>> updates = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			String name = "并发测试项目-" + i;
			updates.add(() -> mutate(document("UpdateProject"), "updateProject",
					Map.of("id", project, "expectedVersion", 0, "name", name)));
		}
		List<Map<String, Object>> payloads = new ArrayList<>();
		for (Future<Map<String, Object>> future : pool.invokeAll(updates)) {
			payloads.add(future.get());
		}
		pool.shutdown();
		List<Map<String, Object>> won = payloads.stream().filter((p) -> p.get("project") != null).toList();
		assertThat(won).hasSize(1);
		assertThat(payloads.stream().filter((p) -> p.get("project") == null))
			.hasSize(writers - 1)
			.allSatisfy((p) -> assertError(p, List.of("input", "expectedVersion"), "CONFLICT"));
		Map<String, Object> now = query("query($id: ID!) { node(id: $id) { ... on Project { name version } } }", "node",
				Map.of("id", project));
		assertThat(now).containsEntry("name", ((Map<?, ?>) won.get(0).get("project")).get("name")).containsEntry("version", 1);
		// Milestones and listings without expectedVersion serialize on the project row: each lands, in turn.
		ExecutorService more = Executors.newFixedThreadPool(2);
		Future<Map<String, Object>> milestone = more.submit(() -> mutate(document("RecordMilestone"), "recordMilestone",
				Map.of("projectId", project, "stage", "REGISTERED", "reachedOn", "2024-02-01")));
		Future<Map<String, Object>> rename = more.submit(() -> mutate(document("UpdateProject"), "updateProject",
				Map.of("id", project, "expectedVersion", 1, "totalInvestment", Map.of("amount", 3, "unit", "YI"))));
		milestone.get();
		Map<String, Object> renamed = rename.get();
		more.shutdown();
		Map<String, Object> after = query("query($id: ID!) { node(id: $id) { ... on Project { stage version totalInvestment { amount(unit: YI) } } } }",
				"node", Map.of("id", project));
		assertThat(after.get("stage")).isEqualTo("REGISTERED");
		if (renamed.get("project") != null) {
			assertThat(new BigDecimal(((Map<?, ?>) after.get("totalInvestment")).get("amount").toString())).isEqualByComparingTo("3");
			assertThat(after.get("version")).isEqualTo(3);
		}
		else {
			assertError(renamed, List.of("input", "expectedVersion"), "CONFLICT");
			assertThat(after.get("version")).isEqualTo(2);
		}
	}

	@Test
	void aProjectsInputIsCheckedWhole() {
		long before = count("project");
		Map<String, Object> payload = mutate(document("CreateProject"), "createProject", Map.of("name", "", "enterpriseId",
				cn.changhe.portfolio.graphql.GlobalId.encode("Enterprise", 999_999), "totalInvestment",
				Map.of("amount", -1, "unit", "YI")));
		assertError(payload, List.of("input", "name"), "REQUIRED");
		assertError(payload, List.of("input", "enterpriseId"), "NOT_FOUND");
		assertError(payload, List.of("input", "totalInvestment", "amount"), "INVALID");
		assertThat(count("project")).isEqualTo(before);
		Map<String, Object> usd = mutate(document("CreateProject"), "createProject", Map.of("name", "美元总投资", "enterpriseId",
				enterprise(), "totalInvestment", Map.of("amount", 1, "unit", "YI", "currency", "USD")));
		assertError(usd, List.of("input", "totalInvestment", "currency"), "INVALID");
	}

	@Test
	void aDeletedProjectLeavesReadsAndAggregatesWithItsLedgerRows() {
		String project = create("删除项目测试", "6", "2024-01-02");
		mutate("""
				mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { investment { id } userErrors { field code } } }""",
				"recordInvestment", Map.of("kind", "FIXED_ASSET", "amount", Map.of("amount", "123456.78"), "year", 2031, "projectId", project));
		String summary = "{ investmentSummary(groupBy: [YEAR], filter: { yearFrom: 2031, yearTo: 2031 }) { count total { amount } } }";
		assertThat((List<?>) query(summary, "investmentSummary")).hasSize(1);
		int version = query("query($id: ID!) { node(id: $id) { ... on Project { version } } }", "node.version", Map.of("id", project));
		Map<String, Object> deleted = mutate("""
				mutation($input: DeleteInput!) { deleteProject(input: $input) { deletedId userErrors { field code } } }""",
				"deleteProject", Map.of("id", project, "expectedVersion", version));
		assertThat(deleted.get("deletedId")).isEqualTo(project);
		assertThat((List<?>) query(summary, "investmentSummary")).isEmpty();
		List<String> names = query("{ projects(filter: { nameContains: \"删除项目测试\" }) { nodes { name } } }", "projects.nodes[*].name");
		assertThat(names).isEmpty();
	}

	private int registered2025() {
		List<Object> actual = query("{ zoneYear(year: 2025) { targets { code actual } } }",
				"zoneYear.targets[?(@.code == 'PROJECTS_REGISTERED_3YI')].actual");
		return ((Number) actual.get(0)).intValue();
	}

	private String enterprise() {
		return query("{ enterprises(filter: { nameContains: \"九龙机械\" }) { nodes { id } } }", "enterprises.nodes[0].id");
	}

	private String create(String name, String yi, String signedOn) {
		Map<String, Object> payload = mutate(document("CreateProject"), "createProject", Map.of("name", name, "enterpriseId",
				enterprise(), "totalInvestment", Map.of("amount", yi, "unit", "YI"), "provincialMajor", false, "signedOn", signedOn));
		assertThat((List<?>) payload.get("userErrors")).isEmpty();
		Map<String, Object> project = (Map<String, Object>) payload.get("project");
		assertThat(project).containsEntry("stage", "SIGNED").containsEntry("version", 0);
		return (String) project.get("id");
	}

}
