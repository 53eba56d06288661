package cn.changhe.portfolio.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.InvalidInput;
import cn.changhe.portfolio.graphql.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The project summary as one GROUP BY over the projects, with the filter that {@code projects}
 * takes.
 */
@Repository
class ProjectSummaryRepository {

	/** The size band as its rank, largest first: 1 = 50亿 or more, ... 4 = under 3亿. */
	private static final String SIZE_BAND = "CASE WHEN p.total_investment >= 5000000000 THEN 1 "
			+ "WHEN p.total_investment >= 1000000000 THEN 2 WHEN p.total_investment >= 300000000 THEN 3 ELSE 4 END";

	private static final String STAGE_RANK = "CASE p.stage WHEN 'SIGNED' THEN 1 WHEN 'REGISTERED' THEN 2 "
			+ "WHEN 'STARTED' THEN 3 WHEN 'COMPLETED' THEN 4 WHEN 'IN_PRODUCTION' THEN 5 WHEN 'ABOVE_SIZE' THEN 6 END";

	private final JdbcClient jdbc;

	ProjectSummaryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ProjectGroup> summarize(List<Dimension> groupBy, ProjectFilter filter, ProjectStage reachedStage) {
		Set<Dimension> dimensions = groupBy.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(groupBy);
		if (dimensions.contains(Dimension.REACHED_YEAR) != (reachedStage != null)) {
			throw new InvalidInput("reachedStage", "`reachedStage` goes with the dimension REACHED_YEAR, and it needs it.");
		}
		List<String> keys = new ArrayList<>();
		for (Dimension dimension : Dimension.values()) {
			if (dimensions.contains(dimension)) {
				keys.add(dimension.expression);
			}
		}
		List<Object> parameters = new ArrayList<>();
		StringBuilder from = new StringBuilder("project p");
		if (dimensions.contains(Dimension.LEADING) || dimensions.contains(Dimension.EMERGING)) {
			from.append(" JOIN sector gs ON gs.id = p.sector_id");
		}
		if (reachedStage != null) {
			from.append(" JOIN project_milestone rm ON rm.project_id = p.id AND rm.stage = ? AND rm.deleted_at IS NULL");
			parameters.add(reachedStage.name());
		}
		Conditions where = ProjectRepository.conditions((filter != null) ? filter : ProjectFilter.NONE);
		parameters.addAll(where.parameters());
		String select = keys.isEmpty() ? "" : String.join(", ", aliased(dimensions)) + ", ";
		String group = keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys) + " ORDER BY " + String.join(", ", keys);
		String sql = "SELECT " + select + "COUNT(*) AS n, COALESCE(SUM(p.total_investment), 0) AS total FROM " + from
				+ where.where() + group;
		return this.jdbc.sql(sql).params(parameters).query((rs, row) -> group(rs, dimensions)).list();
	}

	private static List<String> aliased(Set<Dimension> dimensions) {
		List<String> columns = new ArrayList<>();
		for (Dimension dimension : Dimension.values()) {
			if (dimensions.contains(dimension)) {
				columns.add(dimension.expression + " AS " + dimension.alias());
			}
		}
		return columns;
	}

	private static ProjectGroup group(ResultSet rs, Set<Dimension> dimensions) throws SQLException {
		return new ProjectGroup(
				dimensions.contains(Dimension.STAGE) ? ProjectStage.values()[rs.getInt(Dimension.STAGE.alias()) - 1] : null,
				dimensions.contains(Dimension.SECTOR) ? Columns.nullableLong(rs, Dimension.SECTOR.alias()) : null,
				dimensions.contains(Dimension.SIZE_BAND)
						? ProjectGroup.SizeBand.values()[rs.getInt(Dimension.SIZE_BAND.alias()) - 1] : null,
				dimensions.contains(Dimension.LEADING) ? rs.getBoolean(Dimension.LEADING.alias()) : null,
				dimensions.contains(Dimension.EMERGING) ? rs.getBoolean(Dimension.EMERGING.alias()) : null,
				dimensions.contains(Dimension.REACHED_YEAR) ? rs.getInt(Dimension.REACHED_YEAR.alias()) : null,
				rs.getInt("n"), Money.cny(rs.getBigDecimal("total")));
	}

	/** A dimension of the projects, with the expression it groups (and orders) by. */
	enum Dimension {

		STAGE(STAGE_RANK), SECTOR("p.sector_id"), SIZE_BAND(ProjectSummaryRepository.SIZE_BAND),
		LEADING("gs.is_leading"), EMERGING("gs.is_emerging"), REACHED_YEAR("YEAR(rm.reached_on)");

		private final String expression;

		Dimension(String expression) {
			this.expression = expression;
		}

		String alias() {
			return "k_" + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
