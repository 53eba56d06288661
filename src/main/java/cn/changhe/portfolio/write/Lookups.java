package cn.changhe.portfolio.write;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The small reads that checks of an input make, each one statement with bound parameters.
 */
public final class Lookups {

	private Lookups() {
	}

	/** Whether any row meets the condition: {@code any(jdbc, "talent_award WHERE project_id = ?", id)}. */
	public static boolean any(JdbcClient jdbc, String rowsWhere, Object... params) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + rowsWhere + ")").params(params).query(Long.class).single() > 0;
	}

	/** The one value the query reads; empty where it finds no row. */
	public static <T> Optional<T> value(JdbcClient jdbc, Class<T> type, String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(type).optional();
	}

}
