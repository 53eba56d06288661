package cn.changhe.portfolio.project;

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
 * Writes of projects, their milestones and their 五未 listings, in the caller's transaction. A
 * project is the unit of locking: every write to it or its milestones and listings locks its row
 * first and raises its version.
 */
@Repository
class ProjectWrites {

	private final JdbcClient jdbc;

	ProjectWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The project's current fields, locked until the transaction ends. */
	Optional<Map<String, Object>> lock(long id) {
		return this.jdbc.sql("""
				SELECT name, name_en, enterprise_id, sector_id, total_investment, foreign_investment,
				       foreign_investment_currency, land_area_mu, provincial_major, reclaimed_land, stage, version
				FROM project WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
			.param(id)
			.query((rs, row) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("name", rs.getString("name"));
				fields.put("nameEn", rs.getString("name_en"));
				fields.put("enterpriseId", rs.getLong("enterprise_id"));
				fields.put("sectorId", rs.getLong("sector_id"));
				fields.put("totalInvestment", rs.getBigDecimal("total_investment"));
				fields.put("foreignInvestment", rs.getBigDecimal("foreign_investment"));
				fields.put("foreignInvestmentCurrency", rs.getString("foreign_investment_currency"));
				fields.put("landAreaMu", rs.getBigDecimal("land_area_mu"));
				fields.put("provincialMajor", rs.getBoolean("provincial_major"));
				fields.put("reclaimedLand", rs.getBoolean("reclaimed_land"));
				fields.put("stage", rs.getString("stage"));
				fields.put("version", rs.getLong("version"));
				return fields;
			})
			.optional();
	}

	/** Whether live talent awards still refer to the project. */
	boolean hasTalentAwards(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM talent_award WHERE project_id = ? AND deleted_at IS NULL")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	/** A live enterprise's sector (0 where it has none). */
	Optional<Long> enterpriseSector(long id) {
		return this.jdbc.sql("SELECT COALESCE(sector_id, 0) FROM enterprise WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query(Long.class)
			.optional();
	}

	boolean sectorExists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sector WHERE id = ? AND deleted_at IS NULL").param(id).query(Long.class).single() > 0;
	}

	long insert(Map<String, Object> fields, LocalDate signedOn, String source, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO project (name, name_en, enterprise_id, sector_id, total_investment, foreign_investment,
				                     foreign_investment_currency, land_area_mu, provincial_major, reclaimed_land, stage,
				                     provenance, source, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SIGNED', 'REPORTED', ?, ?, ?, 0)""")
			.params(fields.get("name"), fields.get("nameEn"), fields.get("enterpriseId"), fields.get("sectorId"),
					fields.get("totalInvestment"), fields.get("foreignInvestment"), fields.get("foreignInvestmentCurrency"),
					fields.get("landAreaMu"), fields.get("provincialMajor"), fields.get("reclaimedLand"), source, now, now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertMilestone(id, ProjectStage.SIGNED, signedOn, source, now);
		return id;
	}

	void update(long id, Map<String, Object> fields, long version, LocalDateTime now) {
		this.jdbc.sql("""
				UPDATE project SET name = ?, name_en = ?, sector_id = ?, total_investment = ?, foreign_investment = ?,
				       foreign_investment_currency = ?, land_area_mu = ?, provincial_major = ?, reclaimed_land = ?,
				       updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(fields.get("name"), fields.get("nameEn"), fields.get("sectorId"), fields.get("totalInvestment"),
					fields.get("foreignInvestment"), fields.get("foreignInvestmentCurrency"), fields.get("landAreaMu"),
					fields.get("provincialMajor"), fields.get("reclaimedLand"), now, id, version)
			.update();
	}

	/** Raises the project's version and moves it to a stage, with the milestone. */
	void reach(long id, ProjectStage stage, LocalDate reachedOn, String source, LocalDateTime now) {
		insertMilestone(id, stage, reachedOn, source, now);
		this.jdbc.sql("UPDATE project SET stage = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(stage.name(), now, id)
			.update();
	}

	private void insertMilestone(long projectId, ProjectStage stage, LocalDate reachedOn, String source, LocalDateTime now) {
		this.jdbc.sql("""
				INSERT INTO project_milestone (project_id, stage, reached_on, provenance, source, created_at, updated_at, version)
				VALUES (?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(projectId, stage.name(), reachedOn, source, now, now)
			.update();
	}

	/** The day the project reached each stage it has reached. */
	Map<ProjectStage, LocalDate> milestones(long projectId) {
		Map<ProjectStage, LocalDate> reached = new LinkedHashMap<>();
		this.jdbc.sql("SELECT stage, reached_on FROM project_milestone WHERE project_id = ? AND deleted_at IS NULL")
			.param(projectId)
			.query((java.sql.ResultSet rs) -> {
				reached.put(ProjectStage.valueOf(rs.getString("stage")), rs.getObject("reached_on", LocalDate.class));
			});
		return reached;
	}

	/** The project's open 五未 listing: its id, category and the day it was listed. */
	Optional<Object[]> openStall(long projectId) {
		return this.jdbc.sql("""
				SELECT id, category, listed_on FROM project_stall
				WHERE project_id = ? AND cleared_on IS NULL AND deleted_at IS NULL ORDER BY listed_on DESC, id DESC LIMIT 1""")
			.param(projectId)
			.query((rs, row) -> new Object[] { rs.getLong("id"), rs.getString("category"),
					rs.getObject("listed_on", LocalDate.class) })
			.optional();
	}

	long listStall(long projectId, StallCategory category, LocalDate listedOn, String source, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO project_stall (project_id, category, listed_on, provenance, source, created_at, updated_at, version)
				VALUES (?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(projectId, category.name(), listedOn, source, now, now)
			.update(keys, "id");
		touch(projectId, now);
		return keys.getKey().longValue();
	}

	void clearStall(long stallId, long projectId, LocalDate clearedOn, LocalDateTime now) {
		this.jdbc.sql("UPDATE project_stall SET cleared_on = ?, updated_at = ?, version = version + 1 WHERE id = ? AND cleared_on IS NULL")
			.params(clearedOn, now, stallId)
			.update();
		touch(projectId, now);
	}

	void delete(long id, LocalDateTime now) {
		this.jdbc.sql("UPDATE project SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(now, now, id)
			.update();
	}

	private void touch(long projectId, LocalDateTime now) {
		this.jdbc.sql("UPDATE project SET updated_at = ?, version = version + 1 WHERE id = ?").params(now, projectId).update();
	}

}
