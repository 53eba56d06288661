package cn.changhe.portfolio.system;

import java.time.Duration;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real browser, as an analyst opens it: the Docs panel is filled from the schema's
 * introspection (the root type {@code Query}, the description of {@code Enterprise}), and the
 * example runs and shows the report's figure.
 */
class GraphiQlBrowserTest extends ApiTest {

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void open() {
		this.browser = Browser.start();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		this.browser.get("http://localhost:" + this.port + "/graphiql");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));
	}

	@AfterEach
	void close() {
		this.browser.quit();
	}

	@Test
	void theDocsPanelListsQueryAndDescribesEnterprise() {
		this.browser.findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']")).click();
		WebElement query = this.wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'graphiql-doc-explorer-content')]//a[normalize-space()='Query']")));
		query.click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-doc-explorer"),
				"Enterprises in the zone"));

		WebElement search = this.browser.findElement(By.cssSelector(".graphiql-doc-explorer-search input"));
		search.sendKeys("Enterprise");
		this.wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[contains(@class,'graphiql-doc-explorer-search')]//li[.//*[normalize-space()='Enterprise']]")))
			.click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-doc-explorer"),
				"An enterprise (企业) in the zone."));
		assertThat(Browser.errorsInTheConsole(this.browser)).isEmpty();
	}

	@Test
	void theExampleRunsAndShowsTheReportsFigure() {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-query-editor"),
				"Pipeline2024"));
		this.browser.findElement(By.cssSelector("button.graphiql-execute-button")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-response"),
				"\"totalCount\": 18"));
		assertThat(this.browser.findElement(By.cssSelector(".graphiql-response")).getText()).doesNotContain("\"errors\"");
		assertThat(Browser.errorsInTheConsole(this.browser)).isEmpty();
	}

}
