package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.InvalidInput;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.MoneyInput;
import cn.changhe.portfolio.graphql.OrderDirection;
import cn.changhe.portfolio.graphql.Years;
import cn.changhe.portfolio.investment.InvestmentKind;
import cn.changhe.portfolio.project.ProjectStage;

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The investment summary as one GROUP BY computed by the database: over the investment totals by
 * sector, year, kind and currency where the question allows (a few thousand rows, however long the
 * ledger), else over the ledger itself. Every column and expression comes from a fixed set; every
 * value is a bound parameter.
 */
@Repository
class InvestmentSummaryRepository {

	/** The life-cycle order of the stages, for ordering by stage. */
	private static final String STAGE_ORDER = "CASE p.stage WHEN 'SIGNED' THEN 1 WHEN 'REGISTERED' THEN 2 "
			+ "WHEN 'STARTED' THEN 3 WHEN 'COMPLETED' THEN 4 WHEN 'IN_PRODUCTION' THEN 5 WHEN 'ABOVE_SIZE' THEN 6 END";

	/** The ledger, row by row. */
	private static final Source LEDGER = new Source("investment i", "i.deleted_at IS NULL",
			Map.of(InvestmentDimension.SECTOR, "i.sector_id", InvestmentDimension.YEAR, "i.year",
					InvestmentDimension.KIND, "i.kind", InvestmentDimension.FUND, "i.fund_id",
					InvestmentDimension.ENTERPRISE, "i.enterprise_id", InvestmentDimension.PROJECT_STAGE, "p.stage"),
			"i.currency", "COUNT(*)", "SUM(i.amount)", "MIN(i.amount)", "MAX(i.amount)");

	/** The totals kept by sector, year, kind and currency; sector 0 is none. */
	private static final Source TOTALS = new Source("investment_total i", "",
			Map.of(InvestmentDimension.SECTOR, "NULLIF(i.sector_id, 0)", InvestmentDimension.YEAR, "i.year",
					InvestmentDimension.KIND, "i.kind"),
			"i.currency", "SUM(i.row_count)", "SUM(i.total)", "MIN(i.min_amount)", "MAX(i.max_amount)");

	private final JdbcClient jdbc;

	InvestmentSummaryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The groups, each with its count and total, and with its smallest and largest amounts only where
	 * {@code extremes} asks for them (two aggregates that cost the database a quarter of the statement).
	 */
	List<InvestmentGroup> summarize(InvestmentSummaryQuery query, boolean extremes) {
		List<InvestmentDimension> groupBy = query.groupBy().stream().distinct().toList();
		Set<InvestmentDimension> dimensions = groupBy.isEmpty() ? EnumSet.noneOf(InvestmentDimension.class)
				: EnumSet.copyOf(groupBy);
		InvestmentSummaryQuery.Filter filter = query.filter();
		// The totals cannot be narrowed to a partner's funds: a partner's summary reads the ledger.
		Source source = (Scope.unrestricted() && readsTotals(dimensions, filter)) ? TOTALS : LEDGER;
		boolean filtersStage = filter != null && filter.projectStage() != null;
		List<String> select = new ArrayList<>();
		List<String> groupColumns = new ArrayList<>();
		for (InvestmentDimension dimension : groupBy) {
			select.add(source.column(dimension) + " AS " + dimension.alias());
			groupColumns.add(source.column(dimension));
		}
		groupColumns.add(source.currency());
		Conditions where = (source == LEDGER) ? Scope.investments(conditions(source, filter), "i") : conditions(source, filter);
		Conditions having = having(source, query.having());
		String join = filtersStage ? " JOIN project p ON p.id = i.project_id"
				: dimensions.contains(InvestmentDimension.PROJECT_STAGE) ? " LEFT JOIN project p ON p.id = i.project_id" : "";
		select.add(source.currency() + " AS currency");
		select.add(source.count() + " AS n");
		select.add(source.total() + " AS total");
		if (extremes) {
			select.add(source.min() + " AS lowest");
			select.add(source.max() + " AS highest");
		}
		String sql = "SELECT " + String.join(", ", select) + " FROM " + source.from() + join + where.where()
				+ " GROUP BY " + String.join(", ", groupColumns)
				+ (having.where().isEmpty() ? "" : " HAVING" + having.where().substring(" WHERE".length()))
				+ " ORDER BY " + orderBy(source, query, groupBy, dimensions) + " LIMIT ?";
		List<Object> parameters = new ArrayList<>(where.parameters());
		parameters.addAll(having.parameters());
		parameters.add(limit(query.first()));
		ResultSetExtractor<List<InvestmentGroup>> groups = (rs) -> {
			Positions at = Positions.of(rs, dimensions, extremes);
			List<InvestmentGroup> read = new ArrayList<>();
			while (rs.next()) {
				read.add(group(rs, at));
			}
			return read;
		};
		return this.jdbc.sql(sql).params(parameters).query(groups);
	}

	/** Whether the totals can answer: dimensions and filters of sector, year, kind and currency only. */
	private static boolean readsTotals(Set<InvestmentDimension> dimensions, InvestmentSummaryQuery.Filter filter) {
		boolean grain = TOTALS.columns().keySet().containsAll(dimensions);
		return grain && (filter == null
				|| (filter.fundIds() == null && filter.enterpriseIds() == null && filter.projectStage() == null));
	}

	private static Conditions conditions(Source source, InvestmentSummaryQuery.Filter filter) {
		Conditions where = new Conditions();
		if (!source.live().isEmpty()) {
			where.and(source.live());
		}
		if (filter == null) {
			return where;
		}
		if (filter.kind() != null) {
			where.andIn("i.kind", filter.kind().stream().map(InvestmentKind::name).toList());
		}
		where.andIf(Years.check(filter.yearFrom(), "filter.yearFrom"), "i.year >= ?");
		where.andIf(Years.check(filter.yearTo(), "filter.yearTo"), "i.year <= ?");
		if (filter.sectorIds() != null) {
			where.andIn("i.sector_id", GlobalId.keysOf(filter.sectorIds(), "Sector", "filter.sectorIds"));
		}
		where.andIf(filter.leading(), "i.sector_id IN (SELECT s.id FROM sector s WHERE s.is_leading = ?)");
		where.andIf(filter.emerging(), "i.sector_id IN (SELECT s.id FROM sector s WHERE s.is_emerging = ?)");
		if (filter.fundIds() != null) {
			where.andIn("i.fund_id", GlobalId.keysOf(filter.fundIds(), "Fund", "filter.fundIds"));
		}
		if (filter.enterpriseIds() != null) {
			where.andIn("i.enterprise_id", GlobalId.keysOf(filter.enterpriseIds(), "Enterprise", "filter.enterpriseIds"));
		}
		if (filter.projectStage() != null) {
			where.andIn("p.stage", filter.projectStage().stream().map(ProjectStage::name).toList());
		}
		where.andIf(filter.currency(), "i.currency = ?");
		return where;
	}

	private static Conditions having(Source source, InvestmentSummaryQuery.Having having) {
		Conditions conditions = new Conditions();
		if (having == null) {
			return conditions;
		}
		if (having.minCount() != null) {
			conditions.and(source.count() + " >= ?", having.minCount());
		}
		conditions.andIf(yuan(having.minTotal()), source.total() + " >= ?");
		conditions.andIf(yuan(having.maxTotal()), source.total() + " <= ?");
		return conditions;
	}

	private static BigDecimal yuan(MoneyInput money) {
		return (money != null) ? money.yuan() : null;
	}

	private static String orderBy(Source source, InvestmentSummaryQuery query, List<InvestmentDimension> groupBy,
			Set<InvestmentDimension> dimensions) {
		List<String> order = new ArrayList<>();
		if (query.orderBy() != null) {
			for (InvestmentSummaryQuery.Order key : query.orderBy()) {
				String direction = (key.direction() == OrderDirection.DESC) ? " DESC" : " ASC";
				order.add(expression(source, key.by(), dimensions) + direction);
			}
		}
		groupBy.forEach((d) -> order.add(sortable(source, d)));
		order.add(source.currency());
		return order.stream().distinct().collect(Collectors.joining(", "));
	}

	private static String expression(Source source, InvestmentSummaryQuery.OrderField by,
			Set<InvestmentDimension> dimensions) {
		return switch (by) {
			case COUNT -> source.count();
			case TOTAL -> source.total();
			case AVERAGE -> source.total() + " / " + source.count();
			case MIN -> source.min();
			case MAX -> source.max();
			case CURRENCY -> source.currency();
			default -> {
				InvestmentDimension dimension = InvestmentDimension.valueOf(by.name());
				if (!dimensions.contains(dimension)) {
					throw new InvalidInput("orderBy", "`orderBy` names " + dimension + ", which is not in `groupBy`.");
				}
				yield sortable(source, dimension);
			}
		};
	}

	private static String sortable(Source source, InvestmentDimension dimension) {
		return (dimension == InvestmentDimension.PROJECT_STAGE) ? STAGE_ORDER : source.column(dimension);
	}

	private static int limit(Integer first) {
		int limit = (first != null) ? first : InvestmentSummaryQuery.DEFAULT_GROUPS;
		if (limit < 0 || limit > InvestmentSummaryQuery.MAX_GROUPS) {
			throw new InvalidInput("first",
					"`first` must be between 0 and " + InvestmentSummaryQuery.MAX_GROUPS + ", was " + limit + ".");
		}
		return limit;
	}

	private static InvestmentGroup group(ResultSet rs, Positions at) throws SQLException {
		String currency = rs.getString(at.currency());
		return new InvestmentGroup((at.sector() > 0) ? Columns.nullableLong(rs, at.sector()) : null,
				(at.year() > 0) ? rs.getInt(at.year()) : null,
				(at.kind() > 0) ? InvestmentKind.valueOf(rs.getString(at.kind())) : null,
				(at.fund() > 0) ? Columns.nullableLong(rs, at.fund()) : null,
				(at.enterprise() > 0) ? Columns.nullableLong(rs, at.enterprise()) : null,
				(at.stage() > 0) ? Columns.value(rs, at.stage(), ProjectStage.class) : null, currency, rs.getInt(at.count()),
				new Money(rs.getBigDecimal(at.total()), currency), money(rs, at.lowest(), currency),
				money(rs, at.highest(), currency), null);
	}

	private static Money money(ResultSet rs, int position, String currency) throws SQLException {
		return (position > 0) ? new Money(rs.getBigDecimal(position), currency) : null;
	}

	/**
	 * Where each column of a group is (0 for a dimension or measure not selected), found once for the
	 * result rather than by name on every row.
	 */
	private record Positions(int sector, int year, int kind, int fund, int enterprise, int stage, int currency,
			int count, int total, int lowest, int highest) {

		static Positions of(ResultSet rs, Set<InvestmentDimension> dimensions, boolean extremes) throws SQLException {
			return new Positions(find(rs, dimensions, InvestmentDimension.SECTOR),
					find(rs, dimensions, InvestmentDimension.YEAR), find(rs, dimensions, InvestmentDimension.KIND),
					find(rs, dimensions, InvestmentDimension.FUND), find(rs, dimensions, InvestmentDimension.ENTERPRISE),
					find(rs, dimensions, InvestmentDimension.PROJECT_STAGE), rs.findColumn("currency"),
					rs.findColumn("n"), rs.findColumn("total"), extremes ? rs.findColumn("lowest") : 0,
					extremes ? rs.findColumn("highest") : 0);
		}

		private static int find(ResultSet rs, Set<InvestmentDimension> dimensions, InvestmentDimension dimension)
				throws SQLException {
			return dimensions.contains(dimension) ? rs.findColumn(dimension.alias()) : 0;
		}

	}

	/**
	 * A table the summary can read, with its columns for the dimensions it holds and its measures.
	 * Both are aliased {@code i}, so that the filters' columns are the same on either.
	 */
	private record Source(String from, String live, Map<InvestmentDimension, String> columns, String currency,
			String count, String total, String min, String max) {

		String column(InvestmentDimension dimension) {
			return this.columns.get(dimension);
		}

	}

}
