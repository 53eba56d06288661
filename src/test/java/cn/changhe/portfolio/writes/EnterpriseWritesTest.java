package cn.changhe.portfolio.writes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.enterprise.Uscc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating, changing and deleting enterprises: every rule with the input that breaks it, and
 * nothing written when one is broken.
 */
class EnterpriseWritesTest extends WritesTest {

	private static final String CREATE = "createEnterprise";

	@Test
	void anEnterpriseIsCreatedWithAValidCodeAndAudited() {
		String code = Uscc.withCheckCharacter("91330500MA2J7K8L" + "Q");
		Map<String, Object> payload = mutate(document("CreateEnterprise"), CREATE,
				Map.of("name", "湖州长合测试精工有限公司", "nameEn", "Test Precision", "uscc", code, "sectorId", sectorId("NEV"),
						"establishedOn", "2020-05-01"));
		assertThat((List<?>) payload.get("userErrors")).isEmpty();
		Map<String, Object> enterprise = (Map<String, Object>) payload.get("enterprise");
		assertThat(enterprise).containsEntry("name", "湖州长合测试精工有限公司").containsEntry("uscc", code).containsEntry("version", 0);
		List<Map<String, Object>> audit = query("query($id: ID!) { auditLog(entityId: $id) { nodes { action actor changes } } }",
				"auditLog.nodes", Map.of("id", enterprise.get("id")));
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0)).containsEntry("action", "CREATE").containsEntry("actor", "demo-admin");
		Map<String, Object> changes = (Map<String, Object>) audit.get(0).get("changes");
		assertThat(changes).containsKey("uscc");
		Map<String, Object> sector = (Map<String, Object>) changes.get("sectorId");
		assertThat(sector.get("after")).as("the sector by its global id, as clients know it").isEqualTo(sectorId("NEV"));
		assertThat(sector.get("before")).isNull();
	}

	@Test
	void aCodeWithAWrongCheckCharacterIsInvalidAndNothingIsWritten() {
		String valid = Uscc.withCheckCharacter("91330500MA2J7K8LR");
		char wrong = (valid.charAt(17) == '0') ? '1' : '0';
		long before = count("enterprise");
		Map<String, Object> payload = mutate(document("CreateEnterprise"), CREATE,
				Map.of("name", "校验位测试有限公司", "uscc", valid.substring(0, 17) + wrong));
		assertThat(payload.get("enterprise")).isNull();
		assertError(payload, List.of("input", "uscc"), "INVALID");
		assertThat(count("enterprise")).isEqualTo(before);
		assertThat(count("audit_log WHERE entity_type = 'Enterprise' AND changes LIKE '%校验位测试%'")).isZero();
	}

	@Test
	void aCodeAlreadyTakenIsADuplicate() {
		String taken = query("{ enterprises(first: 1) { nodes { uscc } } }", "enterprises.nodes[0].uscc");
		long before = count("enterprise");
		Map<String, Object> payload = mutate(document("CreateEnterprise"), CREATE, Map.of("name", "重复代码有限公司", "uscc", taken));
		assertError(payload, List.of("input", "uscc"), "DUPLICATE");
		assertThat(count("enterprise")).isEqualTo(before);
	}

	@Test
	void everyProblemOfAnInputIsReportedAtOnce() {
		Map<String, Object> input = new HashMap<>();
		input.put("name", "  ");
		input.put("uscc", "NOT-A-CODE");
		input.put("sectorId", query("{ projects(first: 1) { nodes { id } } }", "projects.nodes[0].id"));
		input.put("establishedOn", "2999-01-01");
		Map<String, Object> payload = mutate(document("CreateEnterprise"), CREATE, input);
		assertError(payload, List.of("input", "name"), "REQUIRED");
		assertError(payload, List.of("input", "uscc"), "INVALID");
		assertError(payload, List.of("input", "sectorId"), "INVALID");
		assertError(payload, List.of("input", "establishedOn"), "INVALID");
	}

	@Test
	void aNameTooLongAndASectorThatDoesNotExist() {
		Map<String, Object> payload = mutate(document("CreateEnterprise"), CREATE,
				Map.of("name", "长".repeat(201), "uscc", Uscc.withCheckCharacter("91330500MA2J7K8LT"), "sectorId",
						cn.changhe.portfolio.graphql.GlobalId.encode("Sector", 999_999)));
		assertError(payload, List.of("input", "name"), "INVALID");
		assertError(payload, List.of("input", "sectorId"), "NOT_FOUND");
	}

	@Test
	void anUpdateNamesTheVersionItReadAndAStaleOneIsAConflict() {
		Map<String, Object> created = (Map<String, Object>) mutate(document("CreateEnterprise"), CREATE,
				Map.of("name", "版本测试有限公司", "uscc", Uscc.withCheckCharacter("91330500MA2J7K8LU"))).get("enterprise");
		String update = """
				mutation($input: UpdateEnterpriseInput!) {
				  updateEnterprise(input: $input) { enterprise { name version } userErrors { field code message } }
				}""";
		Map<String, Object> first = mutate(update, "updateEnterprise",
				Map.of("id", created.get("id"), "expectedVersion", 0, "name", "版本测试有限公司（更名）"));
		assertThat((Map<String, Object>) first.get("enterprise")).containsEntry("version", 1);
		Map<String, Object> stale = mutate(update, "updateEnterprise",
				Map.of("id", created.get("id"), "expectedVersion", 0, "name", "不应写入"));
		assertError(stale, List.of("input", "expectedVersion"), "CONFLICT");
		String name = query("query($id: ID!) { node(id: $id) { ... on Enterprise { name } } }", "node.name",
				Map.of("id", created.get("id")));
		assertThat(name).isEqualTo("版本测试有限公司（更名）");
	}

	@Test
	void anEnterpriseWithLiveProjectsCannotBeDeletedAndADeletedOneLeavesReadsButNotIncrementalPulls() {
		Map<String, Object> busy = query("{ enterprises(filter: { nameContains: \"鑫盛永磁\" }) { nodes { id version } } }",
				"enterprises.nodes[0]");
		String delete = """
				mutation($input: DeleteInput!) { deleteEnterprise(input: $input) { deletedId userErrors { field code } } }""";
		assertError(mutate(delete, "deleteEnterprise", Map.of("id", busy.get("id"), "expectedVersion", busy.get("version"))),
				List.of("input", "id"), "INVALID");
		Map<String, Object> created = (Map<String, Object>) mutate(document("CreateEnterprise"), CREATE,
				Map.of("name", "删除测试有限公司", "uscc", Uscc.withCheckCharacter("91330500MA2J7K8LW"))).get("enterprise");
		String since = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1).toString();
		Map<String, Object> deleted = mutate(delete, "deleteEnterprise", Map.of("id", created.get("id"), "expectedVersion", 0));
		assertThat(deleted.get("deletedId")).isEqualTo(created.get("id"));
		this.graphQl.document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", created.get("id"))
			.execute()
			.path("node")
			.valueIsNull();
		List<String> names = query("{ enterprises(filter: { nameContains: \"删除测试\" }) { nodes { name } } }", "enterprises.nodes[*].name");
		assertThat(names).isEmpty();
		List<Map<String, Object>> pulled = query("""
				query($since: DateTime!) {
				  enterprises(filter: { updatedSince: $since, nameContains: "删除测试" }) { nodes { name deletedAt } }
				}""", "enterprises.nodes", Map.of("since", since));
		assertThat(pulled).hasSize(1);
		assertThat(pulled.get(0).get("deletedAt")).isNotNull();
	}

	static void assertError(Map<String, Object> payload, List<String> field, String code) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("userErrors");
		assertThat(errors).as("userErrors of %s", payload)
			.anySatisfy((error) -> assertThat(error).containsEntry("field", field).containsEntry("code", code));
	}

	static String document(String operation) {
		return WritesDocuments.contract(operation);
	}

}
