package cn.changhe.portfolio.talent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.changhe.portfolio.MutationTest;
import cn.changhe.portfolio.enterprise.Uscc;
import cn.changhe.portfolio.graphql.GlobalId;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talent programmes and awards written through the API: each rule refused with a user error
 * naming the field, and nothing written; each write read back and audited.
 *
 * <p>The programmes made here have codes starting with {@link #CODE_PREFIX}; they and their awards
 * (all of year 2030) are removed (soft-deleted) after each test, so that the other tests see only
 * the demo dataset's four programmes and their awards.
 */
class TalentMutationsTest extends MutationTest {

	// language=GraphQL
	private static final String CREATE_PROGRAMME = """
			mutation($input: CreateTalentProgrammeInput!) {
			  createTalentProgramme(input: $input) {
			    talentProgramme { id code name nameEn level provenance { kind source } }
			    userErrors { field code message }
			  }
			}""";

	// language=GraphQL
	private static final String AWARD_FIELDS = """
			talentAward {
			  id year title programme { id } enterprise { id } project { id } grant { amount currency } version
			  provenance { kind source }
			}
			userErrors { field code message }""";

	// language=GraphQL
	private static final String CREATE_AWARD = "mutation($input: CreateTalentAwardInput!) { createTalentAward(input: $input) { "
			+ AWARD_FIELDS + " } }";

	// language=GraphQL
	private static final String UPDATE_AWARD = "mutation($input: UpdateTalentAwardInput!) { updateTalentAward(input: $input) { "
			+ AWARD_FIELDS + " } }";

	// language=GraphQL
	private static final String DELETE_AWARD = """
			mutation($input: DeleteInput!) { deleteTalentAward(input: $input) { deletedId userErrors { field code message } } }""";

	// language=GraphQL
	private static final String AWARDS_OF_PROGRAMME = """
			query($year: Int) { talentProgrammes { id code awards(year: $year) { totalCount } } }""";

	/** A project of the demo dataset, and its enterprise. */
	private String project;

	private String enterprise;

	/** An enterprise that the project is not of. */
	private String otherEnterprise;

	@BeforeEach
	void pickAProjectAndEnterprises() {
		List<Map<String, Object>> projects = query("{ projects(first: 50) { nodes { id enterprise { id } } } }",
				"projects.nodes");
		Map<String, Object> first = projects.get(0);
		this.project = (String) first.get("id");
		this.enterprise = (String) map(first, "enterprise").get("id");
		this.otherEnterprise = projects.stream()
			.map((p) -> (String) map(p, "enterprise").get("id"))
			.filter((id) -> !Objects.equals(id, this.enterprise))
			.findFirst()
			.orElseThrow();
	}

	@AfterEach
	void removeWhatTheTestMade() {
		String codes = CODE_PREFIX + "%";
		this.jdbc.update("""
				UPDATE talent_award SET deleted_at = CURRENT_TIMESTAMP(6)
				WHERE deleted_at IS NULL AND programme_id IN (SELECT p.id FROM talent_programme p WHERE p.code LIKE ?)""",
				codes);
		this.jdbc.update("UPDATE talent_programme SET deleted_at = CURRENT_TIMESTAMP(6) WHERE deleted_at IS NULL AND code LIKE ?",
				codes);
	}

	// Programmes

	@Test
	void aNewProgrammeIsListedAndAudited() {
		String code = code();
		Map<String, Object> payload = mutate(CREATE_PROGRAMME, "createTalentProgramme",
				Map.of("code", code, "name", " 测试人才计划 ", "nameEn", "Test Talent Programme", "level", "ZONE"));

		assertThat(errors(payload)).isEmpty();
		Map<String, Object> programme = map(payload, "talentProgramme");
		assertThat(programme).containsEntry("code", code).containsEntry("name", "测试人才计划").containsEntry("level", "ZONE");
		assertThat(map(programme, "provenance")).containsEntry("kind", "REPORTED").containsEntry("source", "API: demo-admin");
		String id = (String) programme.get("id");
		List<String> listed = query("{ talentProgrammes { id } }", "talentProgrammes[*].id");
		assertThat(listed).contains(id);
		List<Map<String, Object>> audit = audit(id);
		assertThat(audit).extracting((e) -> e.get("action"), (e) -> e.get("actor")).containsExactly(Tuple.tuple("CREATE", "demo-admin"));
		assertThat(map(map(audit.get(0), "changes"), "code")).containsEntry("before", null).containsEntry("after", code);
	}

	@Test
	void aProgrammesCodeIsUniqueCapitalsDigitsAndUnderscoresOfAtMost40() {
		long programmes = count("talent_programme");

		assertError(createProgramme("mut_test_lower"), "INVALID", "input", "code");
		assertError(createProgramme("1MUT_TEST"), "INVALID", "input", "code");
		assertError(createProgramme("MUT-TEST"), "INVALID", "input", "code");
		assertError(createProgramme(CODE_PREFIX + "X".repeat(32)), "INVALID", "input", "code");
		assertError(createProgramme("YOUTH_ENTREPRENEURSHIP"), "DUPLICATE", "input", "code");
		assertError(createProgramme(" "), "REQUIRED", "input", "code");
		assertError(errors(mutate(CREATE_PROGRAMME, "createTalentProgramme",
				Map.of("code", code(), "name", "", "level", "NATIONAL"))), "REQUIRED", "input", "name");
		assertThat(count("talent_programme")).isEqualTo(programmes);

		assertThat(createProgramme(CODE_PREFIX + "X".repeat(31))).as("40 characters").isEmpty();
	}

	// Awards

	@Test
	void aNewAwardCountsInItsProgrammesYearAndIsAudited() {
		String programme = programme();
		Map<String, Object> input = new HashMap<>();
		input.put("programmeId", programme);
		input.put("year", YEAR);
		input.put("title", "智能装备领域创新人才");
		input.put("personName", "张三");
		input.put("enterpriseId", this.enterprise);
		input.put("projectId", this.project);
		input.put("grant", Map.of("amount", 50, "unit", "WAN"));

		Map<String, Object> payload = mutate(CREATE_AWARD, "createTalentAward", input);

		assertThat(errors(payload)).isEmpty();
		Map<String, Object> award = map(payload, "talentAward");
		assertThat(award).containsEntry("year", YEAR).containsEntry("title", "智能装备领域创新人才").containsEntry("version", 0);
		assertThat(map(award, "programme")).containsEntry("id", programme);
		assertThat(map(award, "enterprise")).containsEntry("id", this.enterprise);
		assertThat(map(award, "project")).containsEntry("id", this.project);
		assertThat(decimal(map(award, "grant").get("amount"))).isEqualByComparingTo("500000");
		assertThat(map(award, "grant")).containsEntry("currency", "CNY");
		assertThat(awardsOf(programme, YEAR)).isEqualTo(1);
		assertThat(awardsOf(programme, YEAR - 1)).isZero();
		List<String> ofEnterprise = query("query($id: ID!) { node(id: $id) { ... on Enterprise { talentAwards(first: 100) { nodes { id } } } } }",
				"node.talentAwards.nodes[*].id", Map.of("id", this.enterprise));
		assertThat(ofEnterprise).contains((String) award.get("id"));

		List<Map<String, Object>> audit = audit((String) award.get("id"));
		assertThat(audit).extracting((e) -> e.get("action")).containsExactly("CREATE");
		assertThat(map(map(audit.get(0), "changes"), "grant")).containsEntry("after", "500000.00");
	}

	@Test
	void anAwardToAProjectGoesToTheProjectsEnterprise() {
		String programme = programme();
		Map<String, Object> payload = mutate(CREATE_AWARD, "createTalentAward",
				Map.of("programmeId", programme, "year", YEAR, "title", "项目人才", "projectId", this.project));

		assertThat(errors(payload)).isEmpty();
		Map<String, Object> award = map(payload, "talentAward");
		assertThat(map(award, "enterprise")).containsEntry("id", this.enterprise);
		assertThat(award.get("grant")).isNull();
	}

	@Test
	void anAwardWithBadInputIsRefusedFieldByFieldAndNothingIsWritten() {
		String programme = programme();
		long awards = count("talent_award");

		List<Map<String, Object>> notTheEnterprisesProject = errors(mutate(CREATE_AWARD, "createTalentAward", Map.of("programmeId",
				programme, "year", YEAR, "title", "错配", "enterpriseId", this.otherEnterprise, "projectId", this.project)));
		List<Map<String, Object>> many = errors(mutate(CREATE_AWARD, "createTalentAward",
				Map.of("programmeId", GlobalId.encode("TalentProgramme", 999_999), "year", 1900, "title", " ", "enterpriseId",
						this.project, "grant", Map.of("amount", 1, "currency", "USD"))));
		List<Map<String, Object>> negativeGrant = errors(mutate(CREATE_AWARD, "createTalentAward",
				Map.of("programmeId", programme, "year", YEAR, "title", "负数", "grant", Map.of("amount", -1))));
		List<Map<String, Object>> noProject = errors(mutate(CREATE_AWARD, "createTalentAward", Map.of("programmeId", programme,
				"year", YEAR, "title", "无项目", "projectId", GlobalId.encode("Project", 999_999))));

		assertError(notTheEnterprisesProject, "INVALID", "input", "projectId");
		assertThat(many).extracting((e) -> e.get("field"), (e) -> e.get("code"))
			.containsExactlyInAnyOrder(Tuple.tuple(List.of("input", "programmeId"), "NOT_FOUND"),
					Tuple.tuple(List.of("input", "year"), "INVALID"), Tuple.tuple(List.of("input", "title"), "REQUIRED"),
					Tuple.tuple(List.of("input", "enterpriseId"), "INVALID"),
					Tuple.tuple(List.of("input", "grant", "currency"), "INVALID"));
		assertError(negativeGrant, "INVALID", "input", "grant", "amount");
		assertError(noProject, "NOT_FOUND", "input", "projectId");
		assertThat(count("talent_award")).isEqualTo(awards);
		assertThat(awardsOf(programme, YEAR)).isZero();
	}

	@Test
	void anAwardUpdateChangesWhatItNamesAtItsVersion() {
		String programme = programme();
		Map<String, Object> award = award(programme, "原题");
		String id = (String) award.get("id");

		Map<String, Object> payload = mutate(UPDATE_AWARD, "updateTalentAward", Map.of("id", id, "expectedVersion", 0,
				"title", "新题", "year", YEAR - 1, "grant", Map.of("amount", 30, "unit", "WAN")));

		assertThat(errors(payload)).isEmpty();
		Map<String, Object> updated = map(payload, "talentAward");
		assertThat(updated).containsEntry("title", "新题").containsEntry("year", YEAR - 1).containsEntry("version", 1);
		assertThat(decimal(map(updated, "grant").get("amount"))).isEqualByComparingTo("300000");
		assertThat(awardsOf(programme, YEAR)).isZero();
		assertThat(awardsOf(programme, YEAR - 1)).isEqualTo(1);
		List<Map<String, Object>> audit = audit(id);
		assertThat(audit).extracting((e) -> e.get("action")).containsExactly("UPDATE", "CREATE");
		Map<String, Object> changes = map(audit.get(0), "changes");
		assertThat(changes).containsOnlyKeys("title", "year", "grant");
		assertThat(map(changes, "title")).containsEntry("before", "原题").containsEntry("after", "新题");

		Map<String, Object> before = row(id);
		assertError(errors(mutate(UPDATE_AWARD, "updateTalentAward", Map.of("id", id, "expectedVersion", 0, "title", "过期"))),
				"CONFLICT", "input", "expectedVersion");
		assertError(errors(mutate(UPDATE_AWARD, "updateTalentAward",
				Map.of("id", id, "expectedVersion", 1, "grant", Map.of("amount", "0.001")))), "INVALID", "input", "grant", "amount");
		assertError(errors(mutate(UPDATE_AWARD, "updateTalentAward",
				Map.of("id", programme, "expectedVersion", 1, "title", "类型"))), "INVALID", "input", "id");
		assertThat(row(id)).isEqualTo(before);
	}

	@Test
	void aDeletedAwardLeavesReadsAndCountsAtItsVersion() {
		String programme = programme();
		String id = (String) award(programme, "待删").get("id");
		assertThat(awardsOf(programme, YEAR)).isEqualTo(1);

		List<Map<String, Object>> stale = errors(mutate(DELETE_AWARD, "deleteTalentAward", Map.of("id", id, "expectedVersion", 3)));
		assertError(stale, "CONFLICT", "input", "expectedVersion");
		assertThat(awardsOf(programme, YEAR)).isEqualTo(1);

		Map<String, Object> deleted = mutate(DELETE_AWARD, "deleteTalentAward", Map.of("id", id, "expectedVersion", 0));

		assertThat(errors(deleted)).isEmpty();
		assertThat(deleted).containsEntry("deletedId", id);
		assertThat(awardsOf(programme, YEAR)).isZero();
		this.graphQl.document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute().path("node").valueIsNull();
		assertThat(row(id)).containsEntry("version", 1L);
		assertThat(row(id).get("deleted_at")).isNotNull();
		assertThat(audit(id)).extracting((e) -> e.get("action")).containsExactly("DELETE", "CREATE");
		assertError(errors(mutate(DELETE_AWARD, "deleteTalentAward", Map.of("id", id, "expectedVersion", 1))), "NOT_FOUND",
				"input", "id");
	}

	@Test
	void aProjectOrEnterpriseWithLiveAwardsIsNotDeletedUntilTheAwardsAre() {
		Map<String, Object> enterprise = map(mutate("""
				mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { enterprise { id } userErrors { field } } }""",
				"createEnterprise", Map.of("name", "人才删除测试有限公司", "uscc", Uscc.withCheckCharacter("91330500MA2J7TAW" + "K"),
						"sectorId", query("{ sectors { id } }", "sectors[0].id"))),
				"enterprise");
		String enterpriseId = (String) enterprise.get("id");
		Map<String, Object> created = mutate("""
				mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { field code message } } }""",
				"createProject", Map.of("name", "人才删除测试项目", "enterpriseId", enterpriseId, "totalInvestment",
						Map.of("amount", 1, "unit", "YI"), "provincialMajor", false, "signedOn", "2024-01-02"));
		assertThat(errors(created)).isEmpty();
		String projectId = (String) map(created, "project").get("id");
		Map<String, Object> award = map(mutate(CREATE_AWARD, "createTalentAward",
				Map.of("programmeId", programme(), "year", YEAR, "title", "删除测试人才", "projectId", projectId)), "talentAward");

		assertError(errors(delete("deleteProject", projectId, 0)), "INVALID", "input", "id");
		assertError(errors(delete("deleteEnterprise", enterpriseId, 0)), "INVALID", "input", "id");
		String stillThere = query("query($id: ID!) { node(id: $id) { ... on TalentAward { project { id } enterprise { id } } } }",
				"node.project.id", Map.of("id", award.get("id")));
		assertThat(stillThere).isEqualTo(projectId);

		assertThat(errors(delete("deleteTalentAward", (String) award.get("id"), 0))).isEmpty();
		assertThat(delete("deleteProject", projectId, 0)).containsEntry("deletedId", projectId);
		assertThat(delete("deleteEnterprise", enterpriseId, 0)).containsEntry("deletedId", enterpriseId);
	}

	// Helpers

	private Map<String, Object> delete(String mutation, String id, int expectedVersion) {
		return mutate("mutation($input: DeleteInput!) { " + mutation + "(input: $input) { deletedId userErrors { field code message } } }",
				mutation, Map.of("id", id, "expectedVersion", expectedVersion));
	}

	private String programme() {
		Map<String, Object> payload = mutate(CREATE_PROGRAMME, "createTalentProgramme",
				Map.of("code", code(), "name", "测试计划", "level", "MUNICIPAL"));
		assertThat(errors(payload)).isEmpty();
		return (String) map(payload, "talentProgramme").get("id");
	}

	private List<Map<String, Object>> createProgramme(String code) {
		return errors(mutate(CREATE_PROGRAMME, "createTalentProgramme", Map.of("code", code, "name", "测试计划", "level", "ZONE")));
	}

	private Map<String, Object> award(String programme, String title) {
		Map<String, Object> payload = mutate(CREATE_AWARD, "createTalentAward", Map.of("programmeId", programme, "year", YEAR,
				"title", title, "enterpriseId", this.enterprise, "grant", Map.of("amount", 10, "unit", "WAN")));
		assertThat(errors(payload)).isEmpty();
		return map(payload, "talentAward");
	}

	private int awardsOf(String programme, int year) {
		List<Integer> counts = query(AWARDS_OF_PROGRAMME, "talentProgrammes[?(@.id == '" + programme + "')].awards.totalCount",
				Map.of("year", year));
		assertThat(counts).hasSize(1);
		return counts.get(0);
	}

	private Map<String, Object> row(String id) {
		return this.jdbc.queryForMap("""
				SELECT award_year, title, person_name, grant_amount, grant_currency, version, updated_at, deleted_at
				FROM talent_award WHERE id = ?""", GlobalId.keyOf(id, "TalentAward", "id"));
	}

}
