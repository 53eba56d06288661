package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.write.Epochs;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The zone's targets with their actuals, and the 五未 list, computed from the records (the actuals'
 * counts kept until the next write to projects).
 */
@Repository
class ZoneRepository implements NodeLookup {

	private static final BigDecimal THREE_YI = new BigDecimal("300000000");

	private static final BigDecimal TEN_YI = new BigDecimal("1000000000");

	private static final BigDecimal FIFTY_YI = new BigDecimal("5000000000");

	private static final String TARGETS = """
			SELECT id, code, name, name_en, year, target, unit, qualifier, provenance, source FROM zone_target""";

	/** How each target's actual is counted from the records; a code not here has no actual. */
	private static final Map<String, Measure> MEASURES = Map.ofEntries(
			Map.entry("PROJECTS_REGISTERED_3YI", Measure.reached("REGISTERED", THREE_YI)),
			Map.entry("PROJECTS_REGISTERED_10YI", Measure.reached("REGISTERED", TEN_YI)),
			Map.entry("PROJECTS_REGISTERED_50YI", Measure.reached("REGISTERED", FIFTY_YI)),
			Map.entry("PROJECTS_STARTED_3YI", Measure.reached("STARTED", THREE_YI)),
			Map.entry("PROJECTS_STARTED_10YI", Measure.reached("STARTED", TEN_YI)),
			Map.entry("PROJECTS_COMPLETED_3YI", Measure.reached("COMPLETED", THREE_YI)),
			Map.entry("PROJECTS_ABOVE_SIZE", Measure.reached("ABOVE_SIZE", BigDecimal.ZERO)),
			Map.entry("STALLED_CLEARED", new Measure(null, null, null,
					"Projects whose 五未 listing was cleared (销号) during the year.")),
			Map.entry("EMERGING_INDUSTRY_PROJECT_SHARE", Measure.share("is_emerging",
					"Of the projects of 3亿元 or more registered (备案) during the year, the percentage in the eight emerging industry chains.")),
			Map.entry("LEADING_INDUSTRY_PROJECT_SHARE", Measure.share("is_leading",
					"Of the projects of 3亿元 or more registered (备案) during the year, the percentage in the two leading industries.")));

	private final JdbcClient jdbc;

	/** Each year's counts, with the epoch they were read at ({@link Epochs#ZONE_YEAR}). */
	private final Cache<Integer, Counted> counted = Caffeine.newBuilder().maximumSize(100).build();

	private record Counted(long epoch, YearCounts counts) {
	}

	ZoneRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Target> targets(int year) {
		List<Target> targets = this.jdbc.sql(TARGETS + " WHERE deleted_at IS NULL AND year = ? ORDER BY id")
			.param(year)
			.query(ZoneRepository::target)
			.list();
		if (targets.isEmpty()) {
			return targets;
		}
		YearCounts counts = yearCounts(year);
		return targets.stream().map((target) -> withActual(target, counts)).toList();
	}

	@Override
	public String type() {
		return "Target";
	}

	@Override
	public List<Target> findAllById(Collection<Long> ids) {
		return this.jdbc.sql(TARGETS + " WHERE deleted_at IS NULL AND id IN (:ids)")
			.param("ids", ids)
			.query(ZoneRepository::target)
			.list()
			.stream()
			.map((target) -> withActual(target, yearCounts(target.year())))
			.toList();
	}

	private Target withActual(Target target, YearCounts counts) {
		Measure measure = MEASURES.get(target.code());
		if (measure == null) {
			return target;
		}
		BigDecimal actual = (measure.share() != null) ? counts.share(measure.share())
				: (measure.stage() != null) ? BigDecimal.valueOf(counts.reached(measure.stage(), measure.atLeast()))
						: BigDecimal.valueOf(counts.stallsCleared());
		return new Target(target.id(), target.code(), target.name(), target.nameEn(), target.year(), target.target(),
				target.unit(), target.qualifier(), actual, measure.method(), target.provenance());
	}

	/**
	 * Every count the targets of a year need, kept until a write to projects raises the epoch (on any
	 * instance); counted in two statements: the year's milestones by stage and
	 * size band (and, for registrations of 3亿 or more, by industry), and the 五未 listings cleared.
	 */
	private YearCounts yearCounts(int year) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return count(year); // a write's own view, which may yet be rolled back: not kept
		}
		// the epoch first: counts read after it are of its state or a later one, and a later one
		// has raised it, so the next read counts again
		long epoch = Epochs.read(this.jdbc, Epochs.ZONE_YEAR);
		Counted kept = this.counted.getIfPresent(year);
		if (kept != null && kept.epoch() == epoch) {
			return kept.counts();
		}
		YearCounts counts = count(year);
		this.counted.put(year, new Counted(epoch, counts));
		return counts;
	}

	private YearCounts count(int year) {
		Map<String, long[]> byStage = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT m.stage,
				       COUNT(*) AS all_sizes,
				       SUM(CASE WHEN p.total_investment >= 300000000 THEN 1 ELSE 0 END) AS over3,
				       SUM(CASE WHEN p.total_investment >= 1000000000 THEN 1 ELSE 0 END) AS over10,
				       SUM(CASE WHEN p.total_investment >= 5000000000 THEN 1 ELSE 0 END) AS over50,
				       SUM(CASE WHEN p.total_investment >= 300000000 AND s.is_emerging THEN 1 ELSE 0 END) AS over3_emerging,
				       SUM(CASE WHEN p.total_investment >= 300000000 AND s.is_leading THEN 1 ELSE 0 END) AS over3_leading
				FROM project_milestone m
				JOIN project p ON p.id = m.project_id
				JOIN sector s ON s.id = p.sector_id
				WHERE m.reached_on >= ? AND m.reached_on < ? AND m.deleted_at IS NULL AND p.deleted_at IS NULL
				GROUP BY m.stage""")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query((java.sql.ResultSet rs) -> {
				byStage.put(rs.getString("stage"), new long[] { rs.getLong("all_sizes"), rs.getLong("over3"),
						rs.getLong("over10"), rs.getLong("over50"), rs.getLong("over3_emerging"), rs.getLong("over3_leading") });
			});
		return new YearCounts(byStage, stallsCleared(year));
	}

	/** The counts of one year; a milestone is unique per project and stage, so its rows are projects. */
	private record YearCounts(Map<String, long[]> byStage, long stallsCleared) {

		long reached(String stage, BigDecimal atLeast) {
			long[] counts = this.byStage.getOrDefault(stage, new long[6]);
			return (atLeast.compareTo(FIFTY_YI) >= 0) ? counts[3] : (atLeast.compareTo(TEN_YI) >= 0) ? counts[2]
					: (atLeast.compareTo(THREE_YI) >= 0) ? counts[1] : counts[0];
		}

		BigDecimal share(String sectorFlag) {
			long[] registered = this.byStage.getOrDefault("REGISTERED", new long[6]);
			if (registered[1] == 0) {
				return null;
			}
			long in = "is_emerging".equals(sectorFlag) ? registered[4] : registered[5];
			return BigDecimal.valueOf(in).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(registered[1]), 2,
					RoundingMode.HALF_EVEN);
		}

	}

	private long stallsCleared(int year) {
		return this.jdbc.sql("""
				SELECT COUNT(DISTINCT s.project_id) FROM project_stall s JOIN project p ON p.id = s.project_id
				WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND s.cleared_on >= ? AND s.cleared_on < ?""")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query(Long.class)
			.single();
	}

	StallSummary stallSummary(int year) {
		List<StallSummary.Category> categories = this.jdbc.sql("""
				SELECT s.category,
				       COUNT(DISTINCT s.project_id) AS listed,
				       COUNT(DISTINCT CASE WHEN s.cleared_on >= ? AND s.cleared_on < ? THEN s.project_id END) AS cleared
				FROM project_stall s JOIN project p ON p.id = s.project_id
				WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL
				  AND s.listed_on < ? AND (s.cleared_on IS NULL OR s.cleared_on >= ?)
				GROUP BY s.category ORDER BY s.category""")
			.params(yearStart(year), yearStart(year + 1), yearStart(year + 1), yearStart(year))
			.query((rs, row) -> new StallSummary.Category(rs.getString("category"), rs.getInt("listed"), rs.getInt("cleared")))
			.list();
		Map<String, Object> totals = this.jdbc.sql("""
				SELECT COUNT(DISTINCT s.project_id) AS listed,
				       COUNT(DISTINCT CASE WHEN s.cleared_on >= ? AND s.cleared_on < ? THEN s.project_id END) AS cleared
				FROM project_stall s JOIN project p ON p.id = s.project_id
				WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL
				  AND s.listed_on < ? AND (s.cleared_on IS NULL OR s.cleared_on >= ?)""")
			.params(yearStart(year), yearStart(year + 1), yearStart(year + 1), yearStart(year))
			.query()
			.singleRow();
		return new StallSummary(year, ((Number) totals.get("listed")).intValue(), ((Number) totals.get("cleared")).intValue(),
				categories);
	}

	private static LocalDate yearStart(int year) {
		return LocalDate.of(year, 1, 1);
	}

	private static Target target(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Target(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				rs.getInt("year"), rs.getBigDecimal("target"), rs.getString("unit"), rs.getString("qualifier"), null, null,
				Columns.provenance(rs));
	}

	/**
	 * How an actual is counted: projects reaching a stage at a size, or a share of the registered
	 * ones by a sector flag, or (neither) stalls cleared.
	 */
	private record Measure(String stage, BigDecimal atLeast, String share, String method) {

		static Measure reached(String stage, BigDecimal atLeast) {
			String size = (atLeast.signum() == 0) ? "" : " with a total investment of at least "
					+ atLeast.movePointLeft(8).stripTrailingZeros().toPlainString() + "亿元";
			return new Measure(stage, atLeast, null, "Projects" + size + " that reached " + stage + " during the year.");
		}

		static Measure share(String sectorFlag, String method) {
			return new Measure(null, null, sectorFlag, method);
		}

	}

}
