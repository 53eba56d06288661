package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import cn.changhe.portfolio.write.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What mutations of the zone's indicators and targets write, each row keyed by its code and year.
 */
@Repository
class ZoneWrites {

	/** An indicator's writable columns; one row of each code and year. */
	record IndicatorValues(String code, Integer year, String name, String nameEn, BigDecimal value, String unit,
			BigDecimal yoyChangePct, ZoneMutations.Qualifier qualifier) {
	}

	static final Table<IndicatorValues> INDICATORS = Table.of("Indicator", "zone_indicator", IndicatorValues.class)
		.keyedBy("code", "year");

	/** A target's writable columns; one row of each code and year. */
	record TargetValues(String code, Integer year, String name, String nameEn, BigDecimal target, String unit,
			ZoneMutations.Qualifier qualifier) {
	}

	static final Table<TargetValues> TARGETS = Table.of("Target", "zone_target", TargetValues.class)
		.keyedBy("code", "year");

	private final JdbcClient jdbc;

	ZoneWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The versions of the rows, by id. */
	Map<Long, Long> versions(String table, Collection<Long> ids) {
		Map<Long, Long> versions = new HashMap<>();
		this.jdbc.sql("SELECT id, version FROM " + table + " WHERE id IN (:ids)")
			.param("ids", ids)
			.query((java.sql.ResultSet rs) -> {
				versions.put(rs.getLong("id"), rs.getLong("version"));
			});
		return versions;
	}

}
