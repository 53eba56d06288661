package cn.changhe.portfolio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts of {@code src/test/node} run with Debian's Node.js, as the clients that bring them run
 * them: their packages (pinned in its {@code package-lock.json}) installed once into
 * {@code target/node} from the npm registry.
 */
public final class Node {

	private static final Path SOURCES = Path.of("src/test/node");

	private static final Path HOME = Path.of("target/node");

	private Node() {
	}

	/** Runs a script with these arguments and gives back what it printed, line by line. */
	public static List<String> run(String script, String... arguments) throws IOException, InterruptedException {
		install();
		List<String> command = new ArrayList<>(List.of(executable("node"), script));
		command.addAll(List.of(arguments));
		return exec(command, 300);
	}

	private static synchronized void install() throws IOException, InterruptedException {
		Files.createDirectories(HOME);
		boolean changed = false;
		try (var files = Files.list(SOURCES)) {
			for (Path source : files.filter(Files::isRegularFile).toList()) {
				Path target = HOME.resolve(source.getFileName());
				changed |= source.getFileName().toString().equals("package-lock.json")
						&& (!Files.exists(target) || Files.mismatch(source, target) != -1);
				Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		if (changed || !Files.isDirectory(HOME.resolve("node_modules"))) {
			exec(List.of(executable("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
		}
	}

	private static List<String> exec(List<String> command, int seconds) throws IOException, InterruptedException {
		Path output = Files.createTempFile(HOME.toAbsolutePath(), "out", ".txt");
		Process process = new ProcessBuilder(command).directory(HOME.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
		Files.delete(output);
		assertThat(finished).as("%s within %d s", command, seconds).isTrue();
		assertThat(process.exitValue()).as("%s exit status; it printed:%n%s", command, String.join("\n", lines)).isZero();
		return lines;
	}

	private static String executable(String name) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IllegalStateException("No " + name + " on the PATH: the tests need Debian's nodejs and npm "
				+ "(apt-get install -y nodejs npm; .ci/run installs them).");
	}

}
