package cn.changhe.portfolio.investment;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The investment totals by sector, year, kind and currency that the summaries read: rebuilt
 * whole from the ledger after a bulk load, in the loader's transaction.
 */
public final class InvestmentTotals {

	private static final String CLEAR = "DELETE FROM investment_total";

	private static final String REBUILD = """
			INSERT INTO investment_total (sector_id, year, kind, currency, row_count, total, min_amount, max_amount)
			SELECT COALESCE(sector_id, 0), year, kind, currency, COUNT(*), SUM(amount), MIN(amount), MAX(amount)
			FROM investment
			WHERE deleted_at IS NULL
			GROUP BY COALESCE(sector_id, 0), year, kind, currency""";

	private InvestmentTotals() {
	}

	public static void rebuild(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate(CLEAR);
			statement.executeUpdate(REBUILD);
		}
	}

}
