package cn.changhe.portfolio.audit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields a write changed, each with its value before and after; what the audit trail keeps.
 */
public final class Changes {

	private final Map<String, Map<String, Object>> fields = new LinkedHashMap<>();

	/** Every field of a new object, with no value before. */
	public static Changes created(Map<String, ?> after) {
		Changes changes = new Changes();
		after.forEach((field, value) -> changes.field(field, null, value));
		return changes;
	}

	/** The fields whose values differ between before and after. */
	public static Changes between(Map<String, ?> before, Map<String, ?> after) {
		Changes changes = new Changes();
		after.forEach((field, value) -> changes.field(field, before.get(field), value));
		return changes;
	}

	/** Records one field if its value changed (amounts compare by value, so 1.0 is 1.00). */
	public Changes field(String name, Object before, Object after) {
		boolean same = (before instanceof BigDecimal b && after instanceof BigDecimal a) ? b.compareTo(a) == 0
				: Objects.equals(before, after);
		if (!same) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("before", plain(before));
			change.put("after", plain(after));
			this.fields.put(name, change);
		}
		return this;
	}

	public boolean isEmpty() {
		return this.fields.isEmpty();
	}

	Map<String, Map<String, Object>> fields() {
		return this.fields;
	}

	/** Amounts as exact text, dates and instants as ISO text. */
	private static Object plain(Object value) {
		if (value == null || value instanceof Boolean || value instanceof Number && !(value instanceof BigDecimal)) {
			return value;
		}
		return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
	}

}
