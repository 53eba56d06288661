package cn.changhe.portfolio.demo;

import java.sql.Connection;
import java.util.Map;

import cn.changhe.portfolio.investment.InvestmentTotals;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The demo dataset: the zone's 2024 report and 2025 targets, with illustrative records that add up to every
 * count and total the report gives.
 *
 * <p>Runs in demo mode only, after the schema migrations, in one transaction. It writes the same rows on
 * every run: ids come from the database, dates and amounts from fixed data and a fixed seed.
 */
public class V1__Zone2024 extends BaseJavaMigration {

	/** The seed of every pseudo-random choice, so that each run writes the same rows. */
	static final long SEED = 20241231L;

	public V1__Zone2024() {
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		Map<Sector, Long> sectors = Sector.write(connection);
		Enterprises enterprises = Enterprises.write(connection, sectors);
		Projects projects = Projects.write(connection, sectors, enterprises);
		enterprises.writeQualifications(connection, projects.aboveSizeYears());
		enterprises.writeAwards(connection);
		Ledger.write(connection, projects);
		Funds.write(connection, sectors, enterprises);
		Talent.write(connection, enterprises, projects);
		Indicators.write(connection);
		InvestmentTotals.rebuild(connection);
	}

}
