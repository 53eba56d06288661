package cn.changhe.portfolio.talent;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.changhe.portfolio.graphql.Columns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes of talent programmes and awards: each a bound-parameter statement in the caller's
 * transaction.
 */
@Repository
class TalentWrites {

	private final JdbcClient jdbc;

	TalentWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether a programme, live or deleted, has the code (codes are unique over all rows). */
	boolean codeTaken(String code) {
		return this.jdbc.sql("SELECT COUNT(*) FROM talent_programme WHERE code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0;
	}

	long insertProgramme(Map<String, Object> fields, String source, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO talent_programme (code, name, name_en, level, provenance, source, created_at, updated_at,
				                              version)
				VALUES (?, ?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(fields.get("code"), fields.get("name"), fields.get("nameEn"), fields.get("level"), source, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean programmeExists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM talent_programme WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	boolean enterpriseExists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	/** The enterprise of a live project; empty where there is no such project. */
	Optional<Long> enterpriseOfProject(long projectId) {
		return this.jdbc.sql("SELECT enterprise_id FROM project WHERE id = ? AND deleted_at IS NULL")
			.param(projectId)
			.query(Long.class)
			.optional();
	}

	/** The award's current fields, locked until the transaction ends. */
	Optional<Map<String, Object>> lockAward(long id) {
		return this.jdbc.sql("""
				SELECT programme_id, award_year, title, person_name, enterprise_id, project_id, grant_amount,
				       grant_currency, version
				FROM talent_award WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
			.param(id)
			.query((rs, row) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("programmeId", rs.getLong("programme_id"));
				fields.put("year", rs.getInt("award_year"));
				fields.put("title", rs.getString("title"));
				fields.put("personName", rs.getString("person_name"));
				fields.put("enterpriseId", Columns.nullableLong(rs, "enterprise_id"));
				fields.put("projectId", Columns.nullableLong(rs, "project_id"));
				fields.put("grant", rs.getBigDecimal("grant_amount"));
				fields.put("grantCurrency", rs.getString("grant_currency"));
				fields.put("version", rs.getLong("version"));
				return fields;
			})
			.optional();
	}

	long insertAward(Map<String, Object> fields, String source, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO talent_award (programme_id, award_year, title, person_name, enterprise_id, project_id,
				                          grant_amount, grant_currency, provenance, source, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(fields.get("programmeId"), fields.get("year"), fields.get("title"), fields.get("personName"),
					fields.get("enterpriseId"), fields.get("projectId"), fields.get("grant"), fields.get("grantCurrency"),
					source, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateAward(long id, Map<String, Object> fields, long version, LocalDateTime now) {
		this.jdbc.sql("""
				UPDATE talent_award SET award_year = ?, title = ?, person_name = ?, grant_amount = ?, grant_currency = ?,
				       updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(fields.get("year"), fields.get("title"), fields.get("personName"), fields.get("grant"),
					fields.get("grantCurrency"), now, id, version)
			.update();
	}

	void deleteAward(long id, long version, LocalDateTime now) {
		this.jdbc.sql("""
				UPDATE talent_award SET deleted_at = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(now, now, id, version)
			.update();
	}

}
