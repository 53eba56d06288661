package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.security.Access;
import cn.changhe.portfolio.write.Writer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Sets the zone's indicators and targets, each by its code and year: created when there is none,
 * else replaced at the version the client read.
 */
@Controller
class ZoneMutations {

	private static final int CODE_LENGTH = 60;

	private final Writer writer;

	private final ZoneWrites writes;

	ZoneMutations(Writer writer, ZoneWrites writes) {
		this.writer = writer;
		this.writes = writes;
	}

	enum Qualifier {

		ESTIMATED, MORE_THAN, AT_LEAST

	}

	record SetIndicatorInput(String code, Integer year, String name, String nameEn, BigDecimal value, String unit,
			BigDecimal yoyChangePct, Qualifier qualifier, Long expectedVersion) {
	}

	record IndicatorPayload(Indicator indicator, List<UserError> userErrors) {
	}

	record SetTargetInput(String code, Integer year, String name, String nameEn, BigDecimal target, String unit,
			Qualifier qualifier, Long expectedVersion) {
	}

	record TargetPayload(Target target, List<UserError> userErrors) {
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public IndicatorPayload setIndicator(@Argument SetIndicatorInput input) {
		return this.writer.set(ZoneWrites.INDICATORS,
				(problems) -> new ZoneWrites.IndicatorValues(code(problems, input.code()),
						problems.year(input.year(), true, "input", "year"),
						problems.name(input.name(), true, 200, "input", "name"),
						problems.name(input.nameEn(), false, 300, "input", "nameEn"),
						decimal(problems, input.value(), false, 16, 4, "input", "value"),
						problems.name(input.unit(), true, 20, "input", "unit"),
						decimal(problems, input.yoyChangePct(), false, 7, 2, "input", "yoyChangePct"), input.qualifier()),
				input.expectedVersion(), (id, errors) -> new IndicatorPayload(
						this.writer.read(Indicator.class, id), errors));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public TargetPayload setTarget(@Argument SetTargetInput input) {
		return this.writer.set(ZoneWrites.TARGETS, (problems) -> {
			String code = code(problems, input.code());
			Integer year = problems.year(input.year(), true, "input", "year");
			String name = problems.name(input.name(), true, 200, "input", "name");
			String nameEn = problems.name(input.nameEn(), false, 300, "input", "nameEn");
			BigDecimal target = decimal(problems, input.target(), true, 16, 4, "input", "target");
			if (target != null && target.signum() < 0) {
				problems.add(UserError.Code.INVALID, "`input.target` must not be negative.", "input", "target");
			}
			return new ZoneWrites.TargetValues(code, year, name, nameEn, target,
					problems.name(input.unit(), true, 20, "input", "unit"), input.qualifier());
		}, input.expectedVersion(),
				(id, errors) -> new TargetPayload(this.writer.read(Target.class, id), errors));
	}

	@BatchMapping(typeName = "Indicator", field = "version")
	Map<Indicator, Long> indicatorVersion(List<Indicator> indicators) {
		return versions("zone_indicator", indicators, Indicator::id);
	}

	@BatchMapping(typeName = "Target", field = "version")
	Map<Target, Long> targetVersion(List<Target> targets) {
		return versions("zone_target", targets, Target::id);
	}

	/** Each row's version, read for the batch in one statement. */
	private <T> Map<T, Long> versions(String table, List<T> rows, Function<T, Long> id) {
		Map<Long, Long> versions = this.writes.versions(table, rows.stream().map(id).distinct().toList());
		Map<T, Long> result = new LinkedHashMap<>();
		rows.forEach((row) -> result.put(row, versions.get(id.apply(row))));
		return result;
	}

	private static String code(Problems problems, String value) {
		return problems.code(value, CODE_LENGTH, "FIXED_ASSET_INVESTMENT", "input", "code");
	}

	/** A decimal that fits its column: at most so many digits before the point and so many after. */
	private static BigDecimal decimal(Problems problems, BigDecimal value, boolean required, int integerDigits,
			int fractionDigits, String... path) {
		String label = "`" + String.join(".", path) + "`";
		if (value == null) {
			if (required) {
				problems.add(UserError.Code.REQUIRED, label + " is required.", path);
			}
			return null;
		}
		BigDecimal plain = value.stripTrailingZeros();
		if (plain.scale() > fractionDigits) {
			problems.add(UserError.Code.INVALID, label + " has more than " + fractionDigits + " decimals.", path);
			return null;
		}
		if (plain.precision() - plain.scale() > integerDigits) {
			problems.add(UserError.Code.INVALID, label + " is larger than the records hold.", path);
			return null;
		}
		return value.setScale(fractionDigits);
	}

}
