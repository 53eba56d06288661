package cn.changhe.portfolio.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.NodeLookup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IndicatorRepository implements NodeLookup {

	private static final String COLUMNS = """
			SELECT id, code, name, name_en, year, value, unit, yoy_change_pct, qualifier, provenance, source
			FROM zone_indicator""";

	private final JdbcClient jdbc;

	IndicatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Indicator> ofYear(int year) {
		return this.jdbc.sql(COLUMNS + " WHERE deleted_at IS NULL AND year = ? ORDER BY id")
			.param(year)
			.query(IndicatorRepository::indicator)
			.list();
	}

	@Override
	public String type() {
		return "Indicator";
	}

	@Override
	public List<Indicator> findAllById(Collection<Long> ids) {
		return this.jdbc.sql(COLUMNS + " WHERE deleted_at IS NULL AND id IN (:ids)")
			.param("ids", ids)
			.query(IndicatorRepository::indicator)
			.list();
	}

	private static Indicator indicator(ResultSet rs, int row) throws SQLException {
		return new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				rs.getInt("year"), Columns.decimal(rs, "value"), rs.getString("unit"),
				Columns.decimal(rs, "yoy_change_pct"), rs.getString("qualifier"), Columns.provenance(rs));
	}

}
