package cn.changhe.portfolio.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The start-up problems a user can meet end the start with a description of what went wrong and
 * what to do, and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

	@Test
	void anUnreachableExternalDatabaseSaysWhatToCheck(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Throwable failure = catchThrowable(() -> RunningApp.start(Map.of("spring.datasource.url",
				"jdbc:mysql://127.0.0.1:" + closedPort + "/changhe", "spring.datasource.username", "zone")));
		assertThat(failure).isInstanceOf(StartupFailure.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Cannot connect to the database at jdbc:mysql://127.0.0.1:" + closedPort + "/changhe")
			.contains("Check SPRING_DATASOURCE_URL")
			.doesNotContain("\tat ");
	}

	@Test
	void aDataDirectoryThatCannotBeCreatedSaysWhichSettingToChange(CapturedOutput output) throws IOException {
		Path file = Files.createDirectories(Path.of("target", "test-db")).resolve("a-file-" + UUID.randomUUID());
		Files.writeString(file, "not a directory");
		Throwable failure = catchThrowable(
				() -> RunningApp.start(Map.of("zone.embedded.data-dir", file.resolve("data").toString())));
		assertThat(failure).isInstanceOf(StartupFailure.class);
		assertThat(output).contains("cannot be created or written").contains("zone.embedded.data-dir").doesNotContain("\tat ");
	}

	@Test
	void anEditedMigrationSaysNotToEditLandedMigrations(CapturedOutput output) {
		Map<String, String> settings = Map.of("zone.embedded.data-dir",
				Path.of("target", "test-db", "checksum-" + UUID.randomUUID()).toString(), "zone.demo-data", "false");
		try (RunningApp app = RunningApp.start(settings)) {
			app.context()
				.getBean(JdbcTemplate.class)
				.update("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
		}
		Map<String, String> thenDiscarded = new java.util.HashMap<>(settings);
		thenDiscarded.put("zone.embedded.discard-on-stop", "true");
		Throwable failure = catchThrowable(() -> RunningApp.start(thenDiscarded));
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).isInstanceOf(FlywayValidateException.class);
		assertThat(output).contains("migration history does not match this build")
			.contains("never edited")
			.doesNotContain("\tat ");
	}

	@Test
	void aTakenPortSaysWhichPort(CapturedOutput output) throws IOException {
		try (ServerSocket taken = new ServerSocket(0)) {
			Map<String, String> settings = Map.of("zone.embedded.data-dir",
					Path.of("target", "test-db", "port-" + UUID.randomUUID()).toString(), "zone.demo-data", "false");
			Map<String, String> onTakenPort = new java.util.HashMap<>(settings);
			onTakenPort.put("server.port", String.valueOf(taken.getLocalPort()));
			onTakenPort.put("zone.embedded.discard-on-stop", "true");
			Throwable failure = catchThrowable(() -> RunningApp.start(onTakenPort));
			assertThat(failure).isNotNull();
			assertThat(output).contains("Port " + taken.getLocalPort() + " was already in use");
		}
	}

}
