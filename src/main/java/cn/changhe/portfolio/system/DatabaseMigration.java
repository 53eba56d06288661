package cn.changhe.portfolio.system;

import cn.changhe.portfolio.demo.V1__Zone2024;
import cn.changhe.portfolio.demo.V2__DemoClients;
import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the schema, then, where the demo dataset is wanted, the demo data.
 *
 * <p>The demo data has migrations of its own, with their own history table, so that it can grow
 * append-only like the schema and is never applied to a database that did not ask for it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseMigration {

	static final String DEMO_HISTORY_TABLE = "flyway_demo_history";

	@Bean
	FlywayMigrationStrategy schemaThenDemoData(ZoneProperties zone) {
		return (flyway) -> {
			flyway.migrate();
			if (zone.demoData()) {
				demoData(flyway).migrate();
			}
		};
	}

	private static Flyway demoData(Flyway schema) {
		return Flyway.configure()
			.configuration(schema.getConfiguration())
			.table(DEMO_HISTORY_TABLE)
			.locations("classpath:db/demo")
			.javaMigrations(new V1__Zone2024(), new V2__DemoClients())
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load();
	}

}
