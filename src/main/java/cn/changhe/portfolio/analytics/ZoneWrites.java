package cn.changhe.portfolio.analytics;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes of the zone's indicators and targets, each keyed by its code and year: bound-parameter
 * statements in the caller's transaction.
 */
@Repository
class ZoneWrites {

	/** A table of figures by code and year, with the columns of its fields (in the order of the inputs). */
	enum Table {

		INDICATOR("zone_indicator", "name", "name", "nameEn", "name_en", "value", "value", "unit", "unit", "yoyChangePct",
				"yoy_change_pct", "qualifier", "qualifier"),

		TARGET("zone_target", "name", "name", "nameEn", "name_en", "target", "target", "unit", "unit", "qualifier",
				"qualifier");

		private final String table;

		private final Map<String, String> columns = new LinkedHashMap<>();

		Table(String table, String... fieldsAndColumns) {
			this.table = table;
			for (int i = 0; i < fieldsAndColumns.length; i += 2) {
				this.columns.put(fieldsAndColumns[i], fieldsAndColumns[i + 1]);
			}
		}

	}

	private final JdbcClient jdbc;

	ZoneWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The row of the code and year, live or deleted, locked until the transaction ends: its fields,
	 * with {@code id}, {@code version} and {@code deleted} (whether it is soft-deleted).
	 */
	Optional<Map<String, Object>> lock(Table table, String code, int year) {
		return this.jdbc.sql("SELECT id, " + String.join(", ", table.columns.values())
				+ ", version, deleted_at FROM " + table.table + " WHERE code = ? AND year = ? FOR UPDATE")
			.params(code, year)
			.query((rs, row) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				for (Map.Entry<String, String> column : table.columns.entrySet()) {
					fields.put(column.getKey(), rs.getObject(column.getValue()));
				}
				fields.put("id", rs.getLong("id"));
				fields.put("version", rs.getLong("version"));
				fields.put("deleted", rs.getObject("deleted_at") != null);
				return fields;
			})
			.optional();
	}

	long insert(Table table, String code, int year, Map<String, Object> fields, String source, LocalDateTime now) {
		List<Object> values = new ArrayList<>();
		values.add(code);
		values.add(year);
		table.columns.keySet().forEach((field) -> values.add(fields.get(field)));
		values.add(source);
		values.add(now);
		values.add(now);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO " + table.table + " (code, year, " + String.join(", ", table.columns.values())
				+ ", provenance, source, created_at, updated_at, version) VALUES (?, ?, "
				+ "?, ".repeat(table.columns.size()) + "'REPORTED', ?, ?, ?, 0)")
			.params(values)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Replaces every field of the row (and brings a soft-deleted one back); the row is now the
	 * source's, REPORTED.
	 */
	void replace(Table table, long id, Map<String, Object> fields, String source, long version, LocalDateTime now) {
		List<Object> values = new ArrayList<>();
		table.columns.keySet().forEach((field) -> values.add(fields.get(field)));
		values.add(source);
		values.add(now);
		values.add(id);
		values.add(version);
		StringBuilder set = new StringBuilder();
		table.columns.values().forEach((column) -> set.append(column).append(" = ?, "));
		this.jdbc.sql("UPDATE " + table.table + " SET " + set + "provenance = 'REPORTED', source = ?, updated_at = ?, "
				+ "deleted_at = NULL, version = version + 1 WHERE id = ? AND version = ?")
			.params(values)
			.update();
	}

	/** The versions of the rows, by id. */
	Map<Long, Long> versions(Table table, Collection<Long> ids) {
		Map<Long, Long> versions = new HashMap<>();
		this.jdbc.sql("SELECT id, version FROM " + table.table + " WHERE id IN (:ids)")
			.param("ids", ids)
			.query((java.sql.ResultSet rs) -> {
				versions.put(rs.getLong("id"), rs.getLong("version"));
			});
		return versions;
	}

}
