package cn.changhe.portfolio.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changhe.portfolio.investment.InvestmentWrites;
import cn.changhe.portfolio.write.Beside;
import cn.changhe.portfolio.write.Lookups;
import cn.changhe.portfolio.write.Refers;
import cn.changhe.portfolio.write.Epochs;
import cn.changhe.portfolio.write.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What mutations of projects, their milestones and their 五未 listings write, and the checks they
 * read, in the caller's transaction. A project is the unit of locking: every write to it or its
 * milestones and listings locks its row first and raises its version.
 */
@Repository
class ProjectWrites {

	/**
	 * A project's writable columns, with the day it reached each stage (kept in project_milestone)
	 * and its open 五未 listing (in project_stall).
	 */
	record Values(String name, String nameEn, @Refers("Enterprise") Long enterpriseId, @Refers("Sector") Long sectorId,
			BigDecimal totalInvestment, BigDecimal foreignInvestment, String foreignInvestmentCurrency,
			BigDecimal landAreaMu, boolean provincialMajor, boolean reclaimedLand, ProjectStage stage,
			@Beside Map<ProjectStage, LocalDate> milestones, @Beside Stall stall) {

		/** The project at the next stage, reached on the day. */
		Values reached(ProjectStage next, LocalDate on) {
			Map<ProjectStage, LocalDate> reached = new EnumMap<>(ProjectStage.class);
			reached.putAll(this.milestones);
			reached.put(next, on);
			return with(next, reached, this.stall);
		}

		/** The project with its 五未 listing as it is now. */
		Values listed(Stall listing) {
			return with(this.stage, this.milestones, listing);
		}

		private Values with(ProjectStage at, Map<ProjectStage, LocalDate> reached, Stall listing) {
			return new Values(this.name, this.nameEn, this.enterpriseId, this.sectorId, this.totalInvestment,
					this.foreignInvestment, this.foreignInvestmentCurrency, this.landAreaMu, this.provincialMajor,
					this.reclaimedLand, at, reached, listing);
		}

	}

	/** A 五未 listing: open until it is cleared. */
	record Stall(Long id, StallCategory category, LocalDate listedOn, LocalDate clearedOn) {
	}

	/** Projects; every write raises the epoch of the targets' actuals ({@code ZoneRepository} keeps them). */
	static final Table<Values> PROJECTS = Table.of("Project", "project", Values.class)
		.keepingUp(Epochs.<Values>raising(Epochs.ZONE_YEAR))
		.completedBy((jdbc, id, project) -> project.with(project.stage(), milestones(jdbc, id),
				openStall(jdbc, id).orElse(null)));

	private final JdbcClient jdbc;

	private final InvestmentWrites investments;

	ProjectWrites(JdbcClient jdbc, InvestmentWrites investments) {
		this.jdbc = jdbc;
		this.investments = investments;
	}

	/** Deletes the project's live ledger rows, which go with it; their ids. */
	List<Long> deleteInvestments(long projectId, LocalDateTime now) {
		return this.investments.deleteOfProject(projectId, now);
	}

	/** Whether live talent awards still refer to the project. */
	boolean hasTalentAwards(long id) {
		return Lookups.any(this.jdbc, "talent_award WHERE project_id = ? AND deleted_at IS NULL", id);
	}

	/** A live enterprise's sector (0 where it has none). */
	Optional<Long> enterpriseSector(long id) {
		return Lookups.value(this.jdbc, Long.class,
				"SELECT COALESCE(sector_id, 0) FROM enterprise WHERE id = ? AND deleted_at IS NULL", id);
	}

	/** The milestone of the stage the project is now at. */
	void insertMilestone(long projectId, Values project, String source, LocalDateTime now) {
		this.jdbc.sql("""
				INSERT INTO project_milestone (project_id, stage, reached_on, provenance, source, created_at, updated_at, version)
				VALUES (?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(projectId, project.stage().name(), project.milestones().get(project.stage()), source, now, now)
			.update();
	}

	/** The day the project reached each stage it has reached. */
	private static Map<ProjectStage, LocalDate> milestones(JdbcClient jdbc, long projectId) {
		Map<ProjectStage, LocalDate> reached = new EnumMap<>(ProjectStage.class);
		jdbc.sql("SELECT stage, reached_on FROM project_milestone WHERE project_id = ? AND deleted_at IS NULL")
			.param(projectId)
			.query((java.sql.ResultSet rs) -> {
				reached.put(ProjectStage.valueOf(rs.getString("stage")), rs.getObject("reached_on", LocalDate.class));
			});
		return reached;
	}

	/** The project's open 五未 listing. */
	private static Optional<Stall> openStall(JdbcClient jdbc, long projectId) {
		return jdbc.sql("""
				SELECT id, category, listed_on FROM project_stall
				WHERE project_id = ? AND cleared_on IS NULL AND deleted_at IS NULL ORDER BY listed_on DESC, id DESC LIMIT 1""")
			.param(projectId)
			.query((rs, row) -> new Stall(rs.getLong("id"), StallCategory.valueOf(rs.getString("category")),
					rs.getObject("listed_on", LocalDate.class), null))
			.optional();
	}

	void listStall(long projectId, Stall stall, String source, LocalDateTime now) {
		this.jdbc.sql("""
				INSERT INTO project_stall (project_id, category, listed_on, provenance, source, created_at, updated_at, version)
				VALUES (?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(projectId, stall.category().name(), stall.listedOn(), source, now, now)
			.update();
	}

	void clearStall(Stall stall, LocalDateTime now) {
		this.jdbc.sql("UPDATE project_stall SET cleared_on = ?, updated_at = ?, version = version + 1 WHERE id = ? AND cleared_on IS NULL")
			.params(stall.clearedOn(), now, stall.id())
			.update();
	}

}
