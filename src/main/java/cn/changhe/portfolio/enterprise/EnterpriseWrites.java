package cn.changhe.portfolio.enterprise;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes of enterprises: each a bound-parameter statement in the caller's transaction.
 */
@Repository
class EnterpriseWrites {

	private final JdbcClient jdbc;

	EnterpriseWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The enterprise's current fields, locked until the transaction ends. */
	Optional<Map<String, Object>> lock(long id) {
		return this.jdbc.sql("""
				SELECT name, name_en, uscc, sector_id, established_on, version FROM enterprise
				WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
			.param(id)
			.query((rs, row) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("name", rs.getString("name"));
				fields.put("nameEn", rs.getString("name_en"));
				fields.put("uscc", rs.getString("uscc"));
				long sector = rs.getLong("sector_id");
				fields.put("sectorId", rs.wasNull() ? null : sector);
				fields.put("establishedOn", rs.getObject("established_on", LocalDate.class));
				fields.put("version", rs.getLong("version"));
				return fields;
			})
			.optional();
	}

	boolean usccTaken(String uscc, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE uscc = ? AND id <> ?")
			.params(uscc, (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	boolean sectorExists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sector WHERE id = ? AND deleted_at IS NULL").param(id).query(Long.class).single() > 0;
	}

	/** Whether live projects, ledger rows or talent awards still refer to the enterprise. */
	boolean inUse(long id) {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM project WHERE enterprise_id = ? AND deleted_at IS NULL)
				     + (SELECT COUNT(*) FROM investment WHERE enterprise_id = ? AND deleted_at IS NULL)
				     + (SELECT COUNT(*) FROM talent_award WHERE enterprise_id = ? AND deleted_at IS NULL)""")
			.params(id, id, id)
			.query(Long.class)
			.single() > 0;
	}

	long insert(Map<String, Object> fields, String source, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO enterprise (uscc, name, name_en, sector_id, established_on, provenance, source,
				                        created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(fields.get("uscc"), fields.get("name"), fields.get("nameEn"), fields.get("sectorId"),
					fields.get("establishedOn"), source, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(long id, Map<String, Object> fields, long version, LocalDateTime now) {
		this.jdbc.sql("""
				UPDATE enterprise SET uscc = ?, name = ?, name_en = ?, sector_id = ?, established_on = ?,
				       updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(fields.get("uscc"), fields.get("name"), fields.get("nameEn"), fields.get("sectorId"),
					fields.get("establishedOn"), now, id, version)
			.update();
	}

	void delete(long id, LocalDateTime now) {
		this.jdbc.sql("UPDATE enterprise SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(now, now, id)
			.update();
	}

}
