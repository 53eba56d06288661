package cn.changhe.portfolio;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium, driven through its own chromedriver (both named, so that Selenium
 * looks nothing up and downloads nothing), able to reach this machine and nothing else.
 */
public final class Browser {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private Browser() {
	}

	public static ChromeDriver start() {
		return start(null);
	}

	/** The same, saving what the page downloads into the directory (where given) without asking. */
	public static ChromeDriver start(Path downloads) {
		for (File binary : new File[] { CHROMIUM, CHROMEDRIVER }) {
			if (!binary.canExecute()) {
				throw new IllegalStateException("No " + binary + ": the browser tests need Debian's chromium and "
						+ "chromium-driver (apt-get install -y chromium chromium-driver fonts-noto-cjk; .ci/run installs them).");
			}
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1400,1000", "--lang=zh-CN",
				// every host but this machine is unreachable, and Chromium itself calls nowhere
				"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-default-apps", "--disable-extensions");
		if (downloads != null) {
			options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
					"download.prompt_for_download", false, "download.directory_upgrade", true));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/** What the page logged as errors (an uncaught exception, a failed load) since the last call. */
	public static List<String> errorsInTheConsole(ChromeDriver browser) {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

}
