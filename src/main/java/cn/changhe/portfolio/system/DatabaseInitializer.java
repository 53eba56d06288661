package cn.changhe.portfolio.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before any bean exists, which database the service talks to.
 *
 * <p>With {@code spring.datasource.url} set, that database, checked once so that an unreachable
 * server ends the start with one clear line. Without it, an embedded MariaDB is started here, ahead
 * of the DataSource and Flyway, and stopped with the application context.
 */
public class DatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String PROPERTY_SOURCE = "embeddedMariaDb";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment env = context.getEnvironment();
		String url = env.getProperty("spring.datasource.url");
		if (StringUtils.hasText(url)) {
			checkReachable(url, env.getProperty("spring.datasource.username"),
					env.getProperty("spring.datasource.password"));
			return;
		}
		ZoneProperties.Embedded embedded = Binder.get(env)
			.bindOrCreate("zone", ZoneProperties.class)
			.embedded();
		if (!embedded.enabled()) {
			return;
		}
		Path baseDir = (embedded.baseDir() != null) ? embedded.baseDir() : EmbeddedMariaDb.defaultBaseDir();
		EmbeddedMariaDb db = EmbeddedMariaDb.start(embedded.dataDir(), baseDir, embedded.bufferPoolSize(),
				embedded.discardOnStop());
		context.getBeanFactory().registerSingleton("embeddedMariaDb", db);
		// Destroyed last: singletons registered first are disposed of after every bean that uses them.
		((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("embeddedMariaDb", db);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", jdbcUrl(db.port(), embedded.database()));
		properties.put("spring.datasource.username", "root");
		properties.put("spring.datasource.password", "");
		env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
		// The demo dataset is on by default here, and anything configured explicitly still wins.
		env.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE + "Defaults", Map.of("zone.demo-data", "true")));
	}

	static String jdbcUrl(int port, String database) {
		return "jdbc:mysql://127.0.0.1:" + port + "/" + database
				+ "?createDatabaseIfNotExist=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
				+ "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
	}

	private static void checkReachable(String url, String username, String password) {
		Properties info = new Properties();
		if (username != null) {
			info.setProperty("user", username);
		}
		if (password != null) {
			info.setProperty("password", password);
		}
		info.setProperty("connectTimeout", "10000");
		try (Connection connection = DriverManager.getConnection(url, info)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			throw new StartupFailure(
					"Cannot connect to the database at " + withoutQuery(url) + ": " + firstLine(ex.getMessage()),
					"Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that the server is running and reachable; unset SPRING_DATASOURCE_URL to use the embedded MariaDB.",
					ex);
		}
	}

	private static String withoutQuery(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no answer";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
