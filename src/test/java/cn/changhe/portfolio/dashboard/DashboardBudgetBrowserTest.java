package cn.changhe.portfolio.dashboard;

import java.time.Duration;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client over its budget sees, on the dashboard, when to try again: the API's {@code retryAfter},
 * in words, with a button that tries again. (A small budget that comes back slowly, on a context of
 * its own.)
 */
@TestPropertySource(properties = { "zone.rate.capacity=400", "zone.rate.restore-per-second=1" })
class DashboardBudgetBrowserTest extends ApiTest {

	// language=GraphQL
	private static final String EXPENSIVE = "{ enterprises(first: 100) { nodes { name projects(first: 2) { nodes { name } } } } }";

	@Test
	void overBudgetThePageSaysWhenToTryAgain() {
		ChromeDriver browser = Browser.start();
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			browser.get("http://localhost:" + this.port + "/");
			browser.findElement(By.id("token")).sendKeys("demo-editor");
			browser.findElement(By.cssSelector("#signin button[type=submit]")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
			boolean[] refused = { false };
			for (int i = 0; i < 20 && !refused[0]; i++) {
				as("demo-editor").document(EXPENSIVE).execute().errors().satisfy((errors) -> refused[0] = !errors.isEmpty()
						&& errors.get(0).getErrorType().toString().equals("RATE_LIMITED"));
			}
			assertThat(refused[0]).as("the editor's budget is spent").isTrue();
			browser.findElement(By.cssSelector("#nav a[href='/funds']")).click();
			String message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .error"))).getText();
			assertThat(message).containsPattern("请求超出预算，请 [1-9][0-9]* 秒后重试。").contains("重试");
		}
		finally {
			browser.quit();
		}
	}

}
