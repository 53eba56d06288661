package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.changhe.portfolio.audit.Actor;
import cn.changhe.portfolio.audit.Audit;
import cn.changhe.portfolio.audit.Changes;
import cn.changhe.portfolio.graphql.Payloads;
import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.graphql.Versions;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets the zone's indicators and targets, each by its code and year: created when there is none,
 * else replaced at the version the client read.
 */
@Controller
class ZoneMutations {

	/** A code: capital letters, digits and underscores, starting with a letter. */
	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private static final int CODE_LENGTH = 60;

	private final ZoneWrites writes;

	private final IndicatorRepository indicators;

	private final ZoneRepository zone;

	private final Audit audit;

	private final Actor actor;

	private final TransactionTemplate tx;

	ZoneMutations(ZoneWrites writes, IndicatorRepository indicators, ZoneRepository zone, Audit audit, Actor actor,
			TransactionTemplate tx) {
		this.writes = writes;
		this.indicators = indicators;
		this.zone = zone;
		this.audit = audit;
		this.actor = actor;
		this.tx = tx;
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
		return Payloads.transaction(this.tx, (problems) -> {
			String code = code(problems, input.code());
			Integer year = problems.year(input.year(), true, "input", "year");
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", problems.name(input.name(), true, 200, "input", "name"));
			fields.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			fields.put("value", decimal(problems, input.value(), false, 16, 4, "input", "value"));
			fields.put("unit", problems.name(input.unit(), true, 20, "input", "unit"));
			fields.put("yoyChangePct", decimal(problems, input.yoyChangePct(), false, 7, 2, "input", "yoyChangePct"));
			fields.put("qualifier", (input.qualifier() != null) ? input.qualifier().name() : null);
			Long id = set(problems, ZoneWrites.Table.INDICATOR, "Indicator", code, year, fields, input.expectedVersion());
			return (id != null) ? new IndicatorPayload(this.indicators.findAllById(List.of(id)).get(0), List.of()) : null;
		}, (problems) -> new IndicatorPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public TargetPayload setTarget(@Argument SetTargetInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			String code = code(problems, input.code());
			Integer year = problems.year(input.year(), true, "input", "year");
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", problems.name(input.name(), true, 200, "input", "name"));
			fields.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			BigDecimal target = decimal(problems, input.target(), true, 16, 4, "input", "target");
			if (target != null && target.signum() < 0) {
				problems.add(UserError.Code.INVALID, "`input.target` must not be negative.", "input", "target");
				target = null;
			}
			fields.put("target", target);
			fields.put("unit", problems.name(input.unit(), true, 20, "input", "unit"));
			fields.put("qualifier", (input.qualifier() != null) ? input.qualifier().name() : null);
			Long id = set(problems, ZoneWrites.Table.TARGET, "Target", code, year, fields, input.expectedVersion());
			return (id != null) ? new TargetPayload(this.zone.findAllById(List.of(id)).get(0), List.of()) : null;
		}, (problems) -> new TargetPayload(null, problems.errors()));
	}

	@BatchMapping(typeName = "Indicator", field = "version")
	Map<Indicator, Long> indicatorVersion(List<Indicator> indicators) {
		Map<Long, Long> versions = this.writes.versions(ZoneWrites.Table.INDICATOR,
				indicators.stream().map(Indicator::id).distinct().toList());
		Map<Indicator, Long> result = new LinkedHashMap<>();
		indicators.forEach((indicator) -> result.put(indicator, versions.get(indicator.id())));
		return result;
	}

	@BatchMapping(typeName = "Target", field = "version")
	Map<Target, Long> targetVersion(List<Target> targets) {
		Map<Long, Long> versions = this.writes.versions(ZoneWrites.Table.TARGET,
				targets.stream().map(Target::id).distinct().toList());
		Map<Target, Long> result = new LinkedHashMap<>();
		targets.forEach((target) -> result.put(target, versions.get(target.id())));
		return result;
	}

	/**
	 * Creates or replaces the row of the code and year once the input has no problems; its id, or
	 * null where nothing was written.
	 */
	private Long set(Problems problems, ZoneWrites.Table table, String type, String code, Integer year,
			Map<String, Object> fields, Long expectedVersion) {
		if (code == null || year == null) {
			return null;
		}
		Optional<Map<String, Object>> current = this.writes.lock(table, code, year);
		boolean live = current.isPresent() && !((Boolean) current.get().get("deleted"));
		if (live) {
			versionMatches(problems, current.get(), expectedVersion);
		}
		else if (expectedVersion != null) {
			problems.add(UserError.Code.CONFLICT, "There is no " + type + " " + code + " for " + year
					+ ", so no version " + expectedVersion + " of it: leave `input.expectedVersion` out to create it.",
					"input", "expectedVersion");
		}
		if (problems.any()) {
			return null;
		}
		LocalDateTime now = Audit.now();
		Map<String, Object> created = new LinkedHashMap<>();
		created.put("code", code);
		created.put("year", year);
		created.putAll(fields);
		if (current.isEmpty()) {
			long id;
			try {
				id = this.writes.insert(table, code, year, fields, source(), now);
			}
			catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
				problems.add(UserError.Code.CONFLICT, "The " + type + " " + code + " for " + year
						+ " was created meanwhile: read it and set it again with its version.", "input", "expectedVersion");
				return null;
			}
			this.audit.record(type, id, "CREATE", Changes.created(created), now);
			return id;
		}
		Map<String, Object> before = current.get();
		long id = (Long) before.get("id");
		this.writes.replace(table, id, fields, source(), (Long) before.get("version"), now);
		if (live) {
			this.audit.record(type, id, "UPDATE", Changes.between(before, fields), now);
		}
		else {
			this.audit.record(type, id, "CREATE", Changes.created(created), now);
		}
		return id;
	}

	private static String code(Problems problems, String value) {
		if (value == null || value.isBlank()) {
			problems.add(UserError.Code.REQUIRED, "`input.code` is required.", "input", "code");
			return null;
		}
		String code = value.strip();
		if (code.length() > CODE_LENGTH || !CODE.matcher(code).matches()) {
			problems.add(UserError.Code.INVALID, "`input.code` must be capital letters, digits and underscores, starting with a letter, at most "
					+ CODE_LENGTH + " characters (such as FIXED_ASSET_INVESTMENT).", "input", "code");
			return null;
		}
		return code;
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

	private static boolean versionMatches(Problems problems, Map<String, Object> current, Long expected) {
		return Versions.matches(problems, (Long) current.get("version"), expected);
	}

	private String source() {
		return "API: " + this.actor.current();
	}

}
