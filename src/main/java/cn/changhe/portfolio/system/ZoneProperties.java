package cn.changhe.portfolio.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings, under {@code zone.*}.
 *
 * @param demoData load the demo dataset (the zone's 2024 report and illustrative records); on by
 * default with the embedded database, off by default with an external one
 * @param embedded the embedded MariaDB that runs when no datasource URL is configured
 * @param graphiql the GraphiQL explorer served at /graphiql
 */
@ConfigurationProperties("zone")
public record ZoneProperties(@DefaultValue("false") boolean demoData, @DefaultValue Embedded embedded,
		@DefaultValue Graphiql graphiql) {

	/**
	 * @param enabled start the embedded server when no datasource URL is configured
	 * @param dataDir where its data lives, kept across restarts
	 * @param baseDir where its binaries are unpacked (a cache; defaults to the temp directory)
	 * @param database the schema the service uses
	 * @param bufferPoolSize InnoDB's cache of pages: the working set of the summaries and indexes
	 * @param discardOnStop delete the data directory when the service stops (tests, throwaway runs)
	 */
	public record Embedded(@DefaultValue("true") boolean enabled, @DefaultValue("data") Path dataDir, Path baseDir,
			@DefaultValue("changhe") String database, @DefaultValue("512M") String bufferPoolSize,
			@DefaultValue("false") boolean discardOnStop) {
	}

	/**
	 * @param enabled serve the explorer
	 */
	public record Graphiql(@DefaultValue("true") boolean enabled) {
	}

}
