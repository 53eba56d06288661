package cn.changhe.portfolio.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.Browser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in Debian's Chromium, with every host but this machine unreachable: each route
 * renders, loaded directly, with no page or console error; its figures are the API's for the same
 * viewer (the targets' progress, the investment tables in each unit, the funds' figures); the
 * exports hold the table's rows; a partner sees no other investor's fund. A screenshot of every
 * route is saved under {@code target/dashboard-screenshots} for review.
 */
@SuppressWarnings("unchecked")
class DashboardBrowserTest extends ApiTest {

	private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");

	private static final Path DOWNLOADS = Path.of("target/dashboard-downloads");

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void open() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.createDirectories(DOWNLOADS);
		this.browser = Browser.start(DOWNLOADS);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void close() {
		this.browser.quit();
	}

	@Test
	void thePublicSeesTheYearsIndicatorsAndTheTargetsAsProgressBars() throws IOException {
		load("/");
		List<Map<String, Object>> targets = anonymousQuery(
				"{ zoneYear(year: 2025) { targets { code progress } } }", "zoneYear.targets");
		List<WebElement> bars = this.browser.findElements(By.cssSelector("[role=progressbar]"));
		assertThat(bars).hasSize(targets.size()).isNotEmpty();
		for (Map<String, Object> target : targets) {
			WebElement bar = this.browser
				.findElement(By.cssSelector("[data-code='" + target.get("code") + "'] [role=progressbar]"));
			Object progress = target.get("progress");
			if (progress == null) {
				assertThat(bar.getAttribute("aria-valuenow")).isNull();
			}
			else {
				assertThat(new BigDecimal(bar.getAttribute("aria-valuenow")))
					.isEqualByComparingTo(new BigDecimal(progress.toString()).movePointRight(2));
			}
		}
		int indicators = anonymousQuery("{ zoneYear(year: 2024) { indicators { code } } }", "zoneYear.indicators.length()");
		assertThat(this.browser.findElements(By.cssSelector("[data-indicator]"))).hasSize(indicators);
		assertThat(this.browser.findElements(By.cssSelector("#nav a"))).hasSize(1);
		screenshot("public-overview");
		assertThat(Browser.errorsInTheConsole(this.browser)).isEmpty();
	}

	@Test
	void everyRouteLoadsDirectlyForAnAnalystWithoutErrors() throws IOException {
		String project = query("{ projects(first: 1, filter: { stage: [STARTED] }) { nodes { id } } }", "projects.nodes[0].id");
		String enterprise = idOf("enterprises", "浙江布镭德工具有限公司");
		signIn("demo-analyst");
		for (String route : List.of("/", "/investment", "/funds", "/projects", "/projects/" + project, "/enterprises",
				"/enterprises/" + enterprise, "/talent")) {
			load(route);
			assertThat(this.browser.findElements(By.cssSelector("main .error"))).as(route).isEmpty();
			assertThat(this.browser.findElement(By.tagName("h1")).getText()).as(route).isNotBlank();
			screenshot("analyst" + route.replaceAll("[^a-zA-Z0-9]+", "-"));
		}
		assertThat(this.browser.findElements(By.cssSelector("#nav a"))).hasSize(6);
		assertThat(Browser.errorsInTheConsole(this.browser)).isEmpty();
	}

	@Test
	void theInvestmentTableIsTheApisInEveryUnitAndItsExportsHoldItsRows() throws IOException {
		signIn("demo-analyst");
		load("/investment");
		for (String unit : List.of("YI", "WAN", "YUAN")) {
			this.browser.findElement(By.cssSelector("button[data-unit=" + unit + "]")).click();
			List<Map<String, Object>> groups = (List<Map<String, Object>>) exactly("{ investmentSummary(groupBy: [SECTOR, YEAR]) "
					+ "{ sector { name } year currency count total { amount(unit: " + unit + ") } } }").get("investmentSummary");
			List<List<String>> rows = rows(table("按产业与年份"));
			assertThat(rows).hasSize(groups.size());
			for (int i = 0; i < groups.size(); i++) {
				Map<String, Object> group = groups.get(i);
				List<String> row = rows.get(i);
				Map<?, ?> sector = (Map<?, ?>) group.get("sector");
				assertThat(row.get(0)).isEqualTo((sector != null) ? sector.get("name") : "（未归属）");
				assertThat(row.get(1)).isEqualTo(String.valueOf(group.get("year")));
				assertThat(row.get(2)).isEqualTo(group.get("currency"));
				assertThat(row.get(3)).isEqualTo(String.valueOf(group.get("count")));
				assertThat(new BigDecimal(row.get(4))).as("%s in %s", row, unit)
					.isEqualByComparingTo(new BigDecimal(((Map<?, ?>) group.get("total")).get("amount").toString()));
			}
		}
		WebElement table = table("按产业与年份");
		List<List<String>> shown = rows(table);
		WebElement tools = table.findElement(By.xpath("ancestor::div[1]/following-sibling::div[@class='table-tools']"));
		tools.findElement(By.cssSelector("[data-export=csv]")).click();
		List<String> csv = Files.readAllLines(download(".csv"), StandardCharsets.UTF_8);
		assertThat(csv.get(0)).startsWith("\uFEFF");
		assertThat(csv.subList(1, csv.size()).stream().map((line) -> List.of(line.split(",", -1))).toList())
			.isEqualTo(shown);
		tools.findElement(By.cssSelector("[data-export=xlsx]")).click();
		try (InputStream in = Files.newInputStream(download(".xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			List<List<String>> exported = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					Cell cell = row.getCell(c);
					cells.add((cell.getCellType() == CellType.NUMERIC)
							? new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString()
							: cell.getStringCellValue());
				}
				exported.add(cells);
			}
			assertThat(exported).hasSameSizeAs(shown);
			for (int r = 0; r < shown.size(); r++) {
				for (int c = 0; c < shown.get(r).size(); c++) {
					String want = shown.get(r).get(c);
					String got = exported.get(r).get(c);
					if (want.matches("-?[0-9.]+")) {
						assertThat(new BigDecimal(got)).isEqualByComparingTo(new BigDecimal(want));
					}
					else {
						assertThat(got).isEqualTo(want);
					}
				}
			}
		}
		assertThat(Browser.errorsInTheConsole(this.browser)).isEmpty();
	}

	@Test
	void theFundsFiguresAreTheApis() {
		signIn("demo-analyst");
		load("/funds");
		this.browser.findElement(By.cssSelector("button[data-unit=YUAN]")).click();
		List<Map<String, Object>> funds = (List<Map<String, Object>>) ((Map<?, ?>) exactly("{ funds(first: 100) { nodes { name "
				+ "size { amount } committed { amount } called { amount } uncalled { amount } invested { amount } "
				+ "portfolioEnterpriseCount } } }").get("funds")).get("nodes");
		List<List<String>> rows = rows(table("基金"));
		assertThat(rows).hasSize(funds.size()).isNotEmpty();
		for (int i = 0; i < funds.size(); i++) {
			Map<String, Object> fund = funds.get(i);
			List<String> row = rows.get(i);
			assertThat(row.get(0)).isEqualTo(fund.get("name"));
			List<String> fields = List.of("size", "committed", "called", "uncalled", "invested");
			for (int f = 0; f < fields.size(); f++) {
				assertThat(new BigDecimal(row.get(2 + f))).as("%s %s", fund.get("name"), fields.get(f))
					.isEqualByComparingTo(new BigDecimal(((Map<?, ?>) fund.get(fields.get(f))).get("amount").toString()));
			}
			assertThat(row.get(7)).isEqualTo(String.valueOf(fund.get("portfolioEnterpriseCount")));
		}
	}

	@Test
	void aPartnerSeesItsOwnFundsAndNoOtherInvestorsAnywhere() throws IOException {
		List<String> own = as("demo-partner-cicc").document("{ funds(first: 100) { nodes { name } } }")
			.execute()
			.path("funds.nodes[*].name")
			.entityList(String.class)
			.get();
		List<String> all = query("{ funds(first: 100) { nodes { name } } }", "funds.nodes[*].name");
		List<String> others = all.stream().filter((name) -> !own.contains(name)).toList();
		assertThat(own).isNotEmpty();
		assertThat(others).isNotEmpty();
		signIn("demo-partner-cicc");
		load("/funds");
		assertThat(rows(table("基金")).stream().map((row) -> row.get(0)).toList()).containsExactlyElementsOf(own);
		screenshot("partner-funds");
		for (String route : List.of("/", "/funds", "/investment", "/enterprises")) {
			load(route);
			String page = this.browser.findElement(By.tagName("main")).getText();
			assertThat(others).as(route).allSatisfy((name) -> assertThat(page).doesNotContain(name));
		}
		assertThat(this.browser.findElements(By.cssSelector("#nav a"))).extracting(WebElement::getText)
			.containsExactly("总览", "投资", "基金", "企业");
		load("/enterprises");
		this.browser.findElement(By.cssSelector("main tbody a[data-link]")).click();
		this.wait.until(ExpectedConditions.urlContains("/enterprises/"));
		waitUntilLoaded();
		assertThat(this.browser.findElements(By.cssSelector("main .error"))).isEmpty();
		String enterprisePage = this.browser.findElement(By.tagName("main")).getText();
		assertThat(others).allSatisfy((name) -> assertThat(enterprisePage).doesNotContain(name));
		screenshot("partner-enterprise");
		load("/projects");
		assertThat(this.browser.findElement(By.cssSelector("main .error")).getText()).contains("无权");
		assertThat(Browser.errorsInTheConsole(this.browser)).isEmpty();
	}

	@Test
	void theKeyboardAloneReachesARouteAndItsControls() {
		signIn("demo-analyst");
		WebElement focused = null;
		for (int i = 0; i < 30; i++) {
			this.browser.switchTo().activeElement().sendKeys(Keys.TAB);
			focused = this.browser.switchTo().activeElement();
			String href = focused.getAttribute("href");
			if (href != null && href.endsWith("/funds")) {
				break;
			}
		}
		assertThat(focused.getText()).isEqualTo("基金");
		focused.sendKeys(Keys.ENTER);
		this.wait.until(ExpectedConditions.urlToBe("http://localhost:" + this.port + "/funds"));
		waitUntilLoaded();
		assertThat(this.browser.switchTo().activeElement().getAttribute("id")).as("the view takes the focus").isEqualTo("view");
		WebElement wan = this.browser.findElement(By.cssSelector("button[data-unit=WAN]"));
		wan.sendKeys(Keys.ENTER);
		assertThat(wan.getAttribute("aria-pressed")).isEqualTo("true");
	}

	@Test
	void theLanguageTogglesToEnglishAndTheLayoutHoldsAtAPhonesWidth() throws IOException {
		signIn("demo-analyst");
		load("/funds");
		this.browser.findElement(By.id("lang")).click();
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Funds"));
		waitUntilLoaded();
		String english = query("{ funds(first: 1) { nodes { nameEn } } }", "funds.nodes[0].nameEn");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains(english);
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		load("/investment");
		long overflow = (Long) ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow).as("no sideways scrolling of the page itself").isLessThanOrEqualTo(0);
		screenshot("phone-investment-en");
		assertThat(Browser.errorsInTheConsole(this.browser)).isEmpty();
	}

	// The browser

	private void load(String path) {
		this.browser.get("http://localhost:" + this.port + path);
		waitUntilLoaded();
	}

	/** Until the page has drawn its view and nothing in it is loading any more. */
	private void waitUntilLoaded() {
		this.wait.until((driver) -> (Boolean) ((JavascriptExecutor) driver).executeScript("""
				return document.querySelector('main h1') !== null
				    && ![...document.querySelectorAll('main [role=status]')].some((s) => /加载|Loading/.test(s.textContent));"""));
	}

	private void signIn(String token) {
		load("/");
		this.browser.findElement(By.id("token")).sendKeys(token);
		this.browser.findElement(By.cssSelector("#signin button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
		waitUntilLoaded();
	}

	private WebElement table(String titleStart) {
		return this.wait.until((driver) -> driver.findElements(By.cssSelector("table[data-table]"))
			.stream()
			.filter((table) -> table.getAttribute("data-table").startsWith(titleStart))
			.findFirst()
			.orElse(null));
	}

	/** The cells of the table's body, each as the page holds its value (plain, without grouping). */
	private static List<List<String>> rows(WebElement table) {
		return table.findElements(By.cssSelector("tbody tr"))
			.stream()
			.map((row) -> row.findElements(By.tagName("td")).stream().map((cell) -> cell.getAttribute("data-value")).toList())
			.toList();
	}

	/** The newest finished download with that ending (none is being written). */
	private Path download(String ending) throws IOException {
		long since = System.currentTimeMillis() - 30_000;
		return this.wait.until((driver) -> {
			try (Stream<Path> files = Files.list(DOWNLOADS)) {
				List<Path> all = files.toList();
				// Chromium reserves the name with an empty file while it writes into a .crdownload one
				if (all.stream().anyMatch((file) -> file.toString().endsWith(".crdownload"))) {
					return null;
				}
				return all.stream()
					.filter((file) -> file.toString().endsWith(ending))
					.filter((file) -> file.toFile().lastModified() >= since && file.toFile().length() > 0)
					.max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
					.orElse(null);
			}
			catch (IOException ex) {
				return null;
			}
		});
	}

	private void screenshot(String name) throws IOException {
		Files.write(SCREENSHOTS.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

	/** The data of an answer to the administrator, its decimals read exactly (not as doubles). */
	private Map<String, Object> exactly(String document) {
		String body = this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-admin")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", document))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> answer = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build()
			.readValue(body, Map.class);
		assertThat(answer).doesNotContainKey("errors");
		return (Map<String, Object>) answer.get("data");
	}

	@SuppressWarnings("unchecked")
	private <T> T anonymousQuery(String document, String path) {
		return (T) anonymous().document(document).execute().path(path).entity(Object.class).get();
	}

}
