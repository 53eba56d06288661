package cn.changhe.portfolio.changes;

import java.nio.charset.StandardCharsets;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export costs its rows from the client's budget, the one its operations spend: a client that
 * exports past it is refused, for exports and queries alike, until the rows are paid back. (On the
 * context of DashboardBudgetBrowserTest, a budget of 400 restored by 1 a second, with a client of
 * its own.)
 */
@TestPropertySource(properties = { "zone.rate.capacity=400", "zone.rate.restore-per-second=1" })
class ExportBudgetTest extends ApiTest {

	@Test
	void anExportCostsItsRows() {
		int exports = 0;
		long rows = 0;
		EntityExchangeResult<byte[]> answer;
		while (true) {
			answer = this.http.get().uri("/export/investments.jsonl").header("Authorization", "Bearer demo-analyst").exchange()
				.expectBody().returnResult();
			if (answer.getStatus().value() != 200) {
				break;
			}
			exports++;
			rows += new String(answer.getResponseBody(), StandardCharsets.UTF_8).lines().count();
			assertThat(exports).as("exports before the budget of 400 ran out").isLessThan(400);
		}
		long perExport = rows / exports;
		assertThat(perExport).isGreaterThan(1);
		// refused once what it took reached the budget: not one unit per export
		assertThat(rows).isGreaterThanOrEqualTo(400 - perExport);
		assertThat(exports).isLessThanOrEqualTo((int) (400 / perExport) + 2);
		assertThat(answer.getStatus().value()).isEqualTo(429);
		long retryAfter = Long.parseLong(answer.getResponseHeaders().getFirst("Retry-After"));
		assertThat(retryAfter).isPositive();
		assertThat(new String(answer.getResponseBody(), StandardCharsets.UTF_8)).contains("RATE_LIMITED");
		// the same budget: its queries wait too
		refused(as("demo-analyst"), "{ sectors { id } }", "RATE_LIMITED");
	}

}
