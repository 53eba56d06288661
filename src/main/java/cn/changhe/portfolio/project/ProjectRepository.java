package cn.changhe.portfolio.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.Cells;
import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.InvalidInput;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.ListingRepository;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.MoneyInput;
import cn.changhe.portfolio.graphql.Years;

import cn.changhe.portfolio.security.Scope;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProjectRepository extends ListingRepository<ProjectFilter, Project> {

	/** The loader of each project's milestones. */
	static final ByKey<Milestone> MILESTONES = ByKey.named("milestonesOfProject");

	static final Listing<Project> LISTING = Listing.projected("""
			p.id, p.name, p.name_en, p.enterprise_id, p.sector_id, p.total_investment, p.foreign_investment,
			p.foreign_investment_currency, p.land_area_mu, p.provincial_major, p.reclaimed_land, p.stage,
			p.provenance, p.source, p.created_at, p.updated_at, p.version, p.deleted_at""", "project p", "p.id",
			ProjectRepository::project)
		.reads("id")
		.reads("name", "p.name")
		.reads("nameEn", "p.name_en")
		.reads("enterprise", "p.enterprise_id")
		.reads("sector", "p.sector_id")
		.reads("totalInvestment", "p.total_investment")
		.reads("foreignInvestment", "p.foreign_investment", "p.foreign_investment_currency")
		.reads("landAreaMu", "p.land_area_mu")
		.reads("provincialMajor", "p.provincial_major")
		.reads("reclaimedLand", "p.reclaimed_land")
		.reads("stage", "p.stage")
		.reads("milestones")
		.reads("stall")
		.reads("stalls")
		.reads("investments")
		.reads("talentAwards")
		.readsRecordFields("p");

	ProjectRepository(JdbcClient jdbc) {
		super(jdbc, "Project", LISTING, ProjectRepository::conditions, Scope::none);
	}

	static Conditions conditions(ProjectFilter filter) {
		Conditions where = Scope.none(Filters.live("p", filter.updatedSince()));
		if (filter.reached() != null) {
			int year = Years.check(filter.reached().year(), "filter.reached.year");
			where.and("""
					EXISTS (SELECT 1 FROM project_milestone m WHERE m.project_id = p.id AND m.deleted_at IS NULL
					        AND m.stage = ? AND m.reached_on >= ? AND m.reached_on < ?)""",
					filter.reached().stage().name(), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
		}
		if (filter.stage() != null) {
			where.andIn("p.stage", filter.stage().stream().map(ProjectStage::name).toList());
		}
		where.andIf(yuan(filter.minTotalInvestment(), "filter.minTotalInvestment"), "p.total_investment >= ?");
		where.andIf(yuan(filter.maxTotalInvestment(), "filter.maxTotalInvestment"), "p.total_investment <= ?");
		where.andIf(filter.provincialMajor(), "p.provincial_major = ?");
		where.andIf(filter.reclaimedLand(), "p.reclaimed_land = ?");
		if (filter.stall() != null) {
			stall(where, filter.stall());
		}
		if (filter.sectorIds() != null) {
			where.andIn("p.sector_id", GlobalId.keysOf(filter.sectorIds(), "Sector", "filter.sectorIds"));
		}
		if (filter.enterpriseIds() != null) {
			where.andIn("p.enterprise_id", GlobalId.keysOf(filter.enterpriseIds(), "Enterprise", "filter.enterpriseIds"));
		}
		where.andIf(filter.leading(), "p.sector_id IN (SELECT s.id FROM sector s WHERE s.is_leading = ?)");
		where.andIf(filter.emerging(), "p.sector_id IN (SELECT s.id FROM sector s WHERE s.is_emerging = ?)");
		Filters.nameContains(where, "p", filter.nameContains());
		return where;
	}
	private static void stall(Conditions where, ProjectFilter.StallFilter stall) {
		Conditions listing = new Conditions().and("s.project_id = p.id").and("s.deleted_at IS NULL");
		if (stall.listed() != null) {
			listing.and(stall.listed() ? "s.cleared_on IS NULL" : "s.cleared_on IS NOT NULL");
		}
		if (stall.clearedYear() != null) {
			int year = Years.check(stall.clearedYear(), "filter.stall.clearedYear");
			listing.and("s.cleared_on >= ? AND s.cleared_on < ?", LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
		}
		if (stall.category() != null) {
			listing.and("s.category = ?", stall.category().name());
		}
		where.and("EXISTS (SELECT 1 FROM project_stall s" + listing.where() + ")", listing.parameters().toArray());
	}

	private static BigDecimal yuan(MoneyInput money, String field) {
		if (money == null) {
			return null;
		}
		if (!"CNY".equals(money.currency())) {
			throw new InvalidInput(field + ".currency", "`" + field + ".currency` must be CNY: total investment is in CNY.");
		}
		return money.yuan();
	}

	/** The projects with these ids, reading the columns these fields read (all of them where null). */
	private List<Project> findAllById(Collection<Long> ids, Collection<String> fields) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Conditions where = withIds(ids);
		return this.jdbc.sql("SELECT " + LISTING.select(fields) + " FROM project p" + where.where())
			.params(where.parameters())
			.query(LISTING.mapper(fields))
			.list();
	}

	/**
	 * The projects with these ids, reading the columns the fields selected of them need. Where their
	 * milestones are selected, they are joined to them in the same statement and given to the
	 * request as {@link #MILESTONES} would load them.
	 */
	@Override
	public List<Project> findAllById(Collection<Long> ids, Set<String> fields, DataFetchingEnvironment env) {
		if (ids.isEmpty() || !fields.contains("milestones")) {
			return findAllById(ids, fields);
		}
		Conditions where = withIds(ids);
		RowMapper<Project> mapper = LISTING.mapper(fields);
		int milestone = LISTING.size() + 1;
		List<Project> projects = new ArrayList<>();
		Map<Long, List<Milestone>> milestones = new HashMap<>();
		this.jdbc.sql("SELECT " + LISTING.select(fields) + ", m.stage, m.reached_on, m.provenance, m.source"
				+ " FROM project p LEFT JOIN project_milestone m ON m.project_id = p.id AND m.deleted_at IS NULL"
				+ where.where() + " ORDER BY p.id, m.reached_on, m.id")
			.params(where.parameters())
			.query((ResultSet rs) -> {
				long id = rs.getLong(1);
				List<Milestone> ofProject = milestones.get(id);
				if (ofProject == null) {
					projects.add(mapper.mapRow(rs, projects.size()));
					ofProject = new ArrayList<>();
					milestones.put(id, ofProject);
				}
				if (rs.getString(milestone) != null) {
					ofProject.add(milestone(rs, id, milestone));
				}
			});
		milestones.forEach((id, ofProject) -> MILESTONES.prime(env, id, ofProject));
		return projects;
	}

	/** The milestones of these projects, each project's in the order they were reached. */
	List<Milestone> milestonesOf(Collection<Long> projectIds) {
		return this.jdbc.sql("""
				SELECT project_id, stage, reached_on, provenance, source FROM project_milestone
				WHERE deleted_at IS NULL AND project_id IN (:ids)
				ORDER BY reached_on, id""")
			.param("ids", projectIds)
			.query((rs, row) -> milestone(rs, rs.getLong(1), 2))
			.list();
	}

	/** A milestone from its stage, date, provenance and source, at this column and the three after it. */
	private static Milestone milestone(ResultSet rs, long projectId, int column) throws SQLException {
		return new Milestone(projectId, ProjectStage.valueOf(rs.getString(column)), Columns.date(rs, column + 1),
				Columns.provenance(rs, column + 2));
	}

	/** Every 五未 listing of these projects, oldest first. */
	List<Stall> stallsOf(Collection<Long> projectIds) {
		return this.jdbc.sql("""
				SELECT id, project_id, category, listed_on, cleared_on, provenance, source FROM project_stall
				WHERE deleted_at IS NULL AND project_id IN (:ids)
				ORDER BY listed_on, id""")
			.param("ids", projectIds)
			.query((rs, row) -> new Stall(rs.getLong("id"), rs.getLong("project_id"),
					StallCategory.valueOf(rs.getString("category")), Columns.date(rs, "listed_on"),
					Columns.date(rs, "cleared_on"), Columns.provenance(rs)))
			.list();
	}

	/** A row of {@link #LISTING}'s columns, which every statement here selects first, in that order. */
	private static Project project(Cells row, int n) throws SQLException {
		return new Project(row.id(1), row.text(2), row.text(3), row.number(4), row.number(5),
				Money.cny(row.decimal(6)), Money.of(row.decimal(7), row.text(8)), row.decimal(9), row.flag(10),
				row.flag(11), row.value(12, ProjectStage.class), row.provenance(13), row.utc(15), row.utc(16),
				row.number(17), row.utc(18));
	}

}
