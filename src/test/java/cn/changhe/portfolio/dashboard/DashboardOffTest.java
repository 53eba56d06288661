package cn.changhe.portfolio.dashboard;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zone.dashboard.enabled=false}, for an API-only deployment: no page, no scripts, no export,
 * and the API as before. (On a context of its own.)
 */
@TestPropertySource(properties = "zone.dashboard.enabled=false")
class DashboardOffTest extends ApiTest {

	@Test
	void theDashboardIsNotServedAndTheApiIs() {
		for (String path : new String[] { "/", "/funds", "/projects/UHJvamVjdDox", "/dashboard/app.js",
				"/dashboard/documents.json" }) {
			this.http.get().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
		}
		this.http.post()
			.uri("/dashboard/export.xlsx")
			.header("Content-Type", "application/json")
			.bodyValue("{\"title\":\"t\",\"columns\":[],\"rows\":[]}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat((String) query("{ viewer { role } }", "viewer.role")).isEqualTo("ADMIN");
	}

}
