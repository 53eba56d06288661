package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.MutationTest;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zone's indicators and targets set through the API, by code and year: created when absent,
 * replaced at the version read when present; each rule refused with a user error naming the
 * field, and nothing written; each write audited.
 *
 * <p>The indicators and targets made here are of {@link #YEAR} with codes starting with
 * {@link #CODE_PREFIX}, or the one 2023 target whose actual the records can tell; all are removed
 * (soft-deleted) after each test. The demo dataset's 2024 indicators and 2025 targets are never
 * touched.
 */
class ZoneMutationsTest extends MutationTest {

	// language=GraphQL
	private static final String SET_INDICATOR = """
			mutation($input: SetIndicatorInput!) {
			  setIndicator(input: $input) {
			    indicator { id code year name nameEn value unit yoyChangePct qualifier version provenance { kind source } }
			    userErrors { field code message }
			  }
			}""";

	// language=GraphQL
	private static final String SET_TARGET = """
			mutation($input: SetTargetInput!) {
			  setTarget(input: $input) {
			    target { id code year name target unit qualifier actual progress method version }
			    userErrors { field code message }
			  }
			}""";

	@AfterEach
	void removeWhatTheTestMade() {
		this.jdbc.update("UPDATE zone_indicator SET deleted_at = CURRENT_TIMESTAMP(6) WHERE deleted_at IS NULL AND code LIKE ?",
				CODE_PREFIX + "%");
		this.jdbc.update("""
				UPDATE zone_target SET deleted_at = CURRENT_TIMESTAMP(6)
				WHERE deleted_at IS NULL AND (code LIKE ? OR (code = 'PROJECTS_REGISTERED_3YI' AND year = 2023))""",
				CODE_PREFIX + "%");
	}

	// Indicators

	@Test
	void anIndicatorIsCreatedWhenAbsentThenReplacedAtItsVersionAndEachWriteIsAudited() {
		int indicators2024 = indicatorsOf(2024).size();
		String code = code();

		Map<String, Object> created = mutate(SET_INDICATOR, "setIndicator", indicator(code, "12.3456", null));

		assertThat(errors(created)).isEmpty();
		Map<String, Object> indicator = map(created, "indicator");
		assertThat(indicator).containsEntry("code", code).containsEntry("year", YEAR).containsEntry("name", "测试指标")
			.containsEntry("unit", "亿元").containsEntry("qualifier", "ESTIMATED").containsEntry("version", 0);
		assertThat(decimal(indicator.get("value"))).isEqualByComparingTo("12.3456");
		assertThat(decimal(indicator.get("yoyChangePct"))).isEqualByComparingTo("-3.5");
		assertThat(map(indicator, "provenance")).containsEntry("kind", "REPORTED").containsEntry("source", "API: demo-admin");
		String id = (String) indicator.get("id");
		assertThat(indicatorsOf(YEAR)).extracting((i) -> i.get("id")).contains(id);

		Map<String, Object> replaced = mutate(SET_INDICATOR, "setIndicator", indicator(code, "13", 0));

		assertThat(errors(replaced)).isEmpty();
		assertThat(map(replaced, "indicator")).containsEntry("id", id).containsEntry("version", 1);
		assertThat(decimal(map(replaced, "indicator").get("value"))).isEqualByComparingTo("13");
		List<Map<String, Object>> audit = audit(id);
		assertThat(audit).extracting((e) -> e.get("action"), (e) -> e.get("actor"))
			.containsExactly(Tuple.tuple("UPDATE", "demo-admin"), Tuple.tuple("CREATE", "demo-admin"));
		assertThat(map(audit.get(0), "changes")).containsOnlyKeys("value");
		assertThat(map(map(audit.get(0), "changes"), "value")).containsEntry("before", "12.3456").containsEntry("after", "13.0000");
		assertThat(map(map(audit.get(1), "changes"), "code")).containsEntry("after", code);
		assertThat(indicatorsOf(2024)).hasSize(indicators2024);
	}

	@Test
	void anExistingIndicatorNeedsItsCurrentVersion() {
		String code = code();
		assertThat(errors(mutate(SET_INDICATOR, "setIndicator", indicator(code, "1", null)))).isEmpty();
		assertThat(errors(mutate(SET_INDICATOR, "setIndicator", indicator(code, "2", 0)))).isEmpty();
		Map<String, Object> before = indicatorRow(code);

		assertError(errors(mutate(SET_INDICATOR, "setIndicator", indicator(code, "3", 0))), "CONFLICT", "input",
				"expectedVersion");
		assertError(errors(mutate(SET_INDICATOR, "setIndicator", indicator(code, "3", null))), "REQUIRED", "input",
				"expectedVersion");

		assertThat(indicatorRow(code)).isEqualTo(before);
	}

	@Test
	void anExpectedVersionOfAnAbsentIndicatorIsAConflictAndCreatesNothing() {
		long indicators = count("zone_indicator");

		assertError(errors(mutate(SET_INDICATOR, "setIndicator", indicator(code(), "1", 0))), "CONFLICT", "input",
				"expectedVersion");

		assertThat(count("zone_indicator")).isEqualTo(indicators);
	}

	@Test
	void anIndicatorWithBadInputIsRefusedFieldByFieldAndNothingIsWritten() {
		long indicators = count("zone_indicator");
		Map<String, Object> input = new HashMap<>();
		input.put("code", "fixed_asset");
		input.put("year", 1900);
		input.put("name", "名".repeat(201));
		input.put("value", new BigDecimal("1.23456"));
		input.put("unit", " ");
		input.put("yoyChangePct", new BigDecimal("1.234"));

		List<Map<String, Object>> errors = errors(mutate(SET_INDICATOR, "setIndicator", input));

		assertThat(errors).extracting((e) -> e.get("field"), (e) -> e.get("code"))
			.containsExactlyInAnyOrder(Tuple.tuple(List.of("input", "code"), "INVALID"),
					Tuple.tuple(List.of("input", "year"), "INVALID"), Tuple.tuple(List.of("input", "name"), "INVALID"),
					Tuple.tuple(List.of("input", "value"), "INVALID"), Tuple.tuple(List.of("input", "unit"), "REQUIRED"),
					Tuple.tuple(List.of("input", "yoyChangePct"), "INVALID"));
		assertError(errors(mutate(SET_INDICATOR, "setIndicator",
				Map.of("code", CODE_PREFIX + "X".repeat(52), "year", YEAR, "name", "长", "unit", "个"))), "INVALID", "input", "code");
		assertError(errors(mutate(SET_INDICATOR, "setIndicator",
				Map.of("code", code(), "year", YEAR, "name", "大", "unit", "个", "value", new BigDecimal("1E16")))), "INVALID",
				"input", "value");
		assertError(errors(mutate(SET_INDICATOR, "setIndicator",
				Map.of("code", code(), "year", YEAR, "name", "大", "unit", "个", "yoyChangePct", new BigDecimal("10000000")))),
				"INVALID", "input", "yoyChangePct");
		assertThat(count("zone_indicator")).isEqualTo(indicators);

		Map<String, Object> longest = mutate(SET_INDICATOR, "setIndicator",
				Map.of("code", CODE_PREFIX + "X".repeat(51), "year", YEAR, "name", "长", "unit", "个", "value",
						"-9999999999999999.9999"));
		assertThat(errors(longest)).as("60 characters, the largest value").isEmpty();
		assertThat(map(longest, "indicator").get("qualifier")).isNull();
	}

	@Test
	void aDeletedIndicatorIsSetAgainAsNew() {
		String code = code();
		Map<String, Object> first = map(mutate(SET_INDICATOR, "setIndicator", indicator(code, "1", null)), "indicator");
		this.jdbc.update("UPDATE zone_indicator SET deleted_at = CURRENT_TIMESTAMP(6) WHERE code = ? AND year = ?", code, YEAR);
		assertThat(indicatorsOf(YEAR)).extracting((i) -> i.get("code")).doesNotContain(code);

		Map<String, Object> payload = mutate(SET_INDICATOR, "setIndicator", indicator(code, "2", null));

		assertThat(errors(payload)).isEmpty();
		assertThat(map(payload, "indicator")).containsEntry("id", first.get("id")).containsEntry("version", 1);
		assertThat(indicatorsOf(YEAR)).extracting((i) -> i.get("code")).contains(code);
		assertThat(audit((String) first.get("id"))).extracting((e) -> e.get("action")).containsExactly("CREATE", "CREATE");
	}

	// Targets

	@Test
	void aTargetsActualIsComputedFromTheRecordsAndItsProgressFromTheTarget() {
		// language=GraphQL
		String registered = """
				{ projects(filter: { reached: { stage: REGISTERED, year: 2023 }, minTotalInvestment: { amount: 3, unit: YI } }) { totalCount } }""";
		int projects = query(registered, "projects.totalCount");

		Map<String, Object> payload = mutate(SET_TARGET, "setTarget", target("PROJECTS_REGISTERED_3YI", 2023, "8", null));

		assertThat(errors(payload)).isEmpty();
		Map<String, Object> target = map(payload, "target");
		assertThat(target).containsEntry("code", "PROJECTS_REGISTERED_3YI").containsEntry("year", 2023)
			.containsEntry("qualifier", "AT_LEAST").containsEntry("version", 0);
		assertThat(decimal(target.get("target"))).isEqualByComparingTo("8");
		assertThat(decimal(target.get("actual"))).isEqualByComparingTo(BigDecimal.valueOf(projects));
		assertThat(decimal(target.get("progress")))
			.isEqualByComparingTo(BigDecimal.valueOf(projects).divide(new BigDecimal("8"), 4, RoundingMode.HALF_EVEN));
		assertThat((String) target.get("method")).isNotBlank();
		List<Map<String, Object>> ofYear = query("{ zoneYear(year: 2023) { targets { id actual version } } }",
				"zoneYear.targets");
		assertThat(ofYear).extracting((t) -> t.get("id"), (t) -> t.get("version"))
			.containsExactly(Tuple.tuple(target.get("id"), 0));

		Map<String, Object> replaced = mutate(SET_TARGET, "setTarget", target("PROJECTS_REGISTERED_3YI", 2023, "10", 0));

		assertThat(errors(replaced)).isEmpty();
		assertThat(map(replaced, "target")).containsEntry("version", 1);
		assertThat(decimal(map(replaced, "target").get("progress")))
			.isEqualByComparingTo(BigDecimal.valueOf(projects).divide(BigDecimal.TEN, 4, RoundingMode.HALF_EVEN));
		List<Map<String, Object>> audit = audit((String) target.get("id"));
		assertThat(audit).extracting((e) -> e.get("action")).containsExactly("UPDATE", "CREATE");
		assertThat(map(map(audit.get(0), "changes"), "target")).containsEntry("before", "8.0000").containsEntry("after", "10.0000");
	}

	@Test
	void aTargetTheRecordsCannotTellHasNoActual() {
		Map<String, Object> payload = mutate(SET_TARGET, "setTarget", target(code(), YEAR, "55.5", null));

		assertThat(errors(payload)).isEmpty();
		assertThat(map(payload, "target")).containsEntry("actual", null).containsEntry("progress", null);
	}

	@Test
	void aTargetIsZeroOrMoreAndAStaleVersionIsAConflict() {
		String code = code();
		long targets = count("zone_target");

		assertError(errors(mutate(SET_TARGET, "setTarget", target(code, YEAR, "-1", null))), "INVALID", "input", "target");
		assertError(errors(mutate(SET_TARGET, "setTarget", target(code, YEAR, "0.00001", null))), "INVALID", "input", "target");
		assertThat(count("zone_target")).isEqualTo(targets);

		assertThat(errors(mutate(SET_TARGET, "setTarget", target(code, YEAR, "0", null)))).isEmpty();
		assertThat(errors(mutate(SET_TARGET, "setTarget", target(code, YEAR, "1", 0)))).isEmpty();
		Map<String, Object> before = this.jdbc.queryForMap(
				"SELECT target, version, updated_at FROM zone_target WHERE code = ? AND year = ?", code, YEAR);

		assertError(errors(mutate(SET_TARGET, "setTarget", target(code, YEAR, "2", 0))), "CONFLICT", "input",
				"expectedVersion");

		assertThat(this.jdbc.queryForMap("SELECT target, version, updated_at FROM zone_target WHERE code = ? AND year = ?",
				code, YEAR)).isEqualTo(before);
		assertThat(count("zone_target")).isEqualTo(targets + 1);
	}

	// Helpers

	private static Map<String, Object> indicator(String code, String value, Integer expectedVersion) {
		Map<String, Object> input = new HashMap<>();
		input.put("code", code);
		input.put("year", YEAR);
		input.put("name", "测试指标");
		input.put("nameEn", "Test indicator");
		input.put("value", new BigDecimal(value));
		input.put("unit", "亿元");
		input.put("yoyChangePct", new BigDecimal("-3.5"));
		input.put("qualifier", "ESTIMATED");
		if (expectedVersion != null) {
			input.put("expectedVersion", expectedVersion);
		}
		return input;
	}

	private static Map<String, Object> target(String code, int year, String target, Integer expectedVersion) {
		Map<String, Object> input = new HashMap<>();
		input.put("code", code);
		input.put("year", year);
		input.put("name", "测试目标");
		input.put("target", new BigDecimal(target));
		input.put("unit", "个");
		input.put("qualifier", "AT_LEAST");
		if (expectedVersion != null) {
			input.put("expectedVersion", expectedVersion);
		}
		return input;
	}

	private List<Map<String, Object>> indicatorsOf(int year) {
		return query("query($year: Int!) { zoneYear(year: $year) { indicators { id code } } }", "zoneYear.indicators",
				Map.of("year", year));
	}

	private Map<String, Object> indicatorRow(String code) {
		return this.jdbc.queryForMap("SELECT name, value, unit, yoy_change_pct, version, updated_at FROM zone_indicator"
				+ " WHERE code = ? AND year = ?", code, YEAR);
	}

}
