package cn.changhe.portfolio.operations;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} set, the actuator lives on that port alone, open to whoever
 * can reach it (a port the load balancer does not expose), and the API's port serves none of it.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortTest extends ApiTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void theActuatorIsOnTheManagementPortWithoutATokenAndNotOnTheApisPort() {
		WebTestClient management = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + this.managementPort)
			.build();
		assertThat(this.managementPort).isNotEqualTo(this.port);
		String metrics = text(management, "/actuator/prometheus", null);
		assertThat(metrics).contains("hikaricp_connections_active");
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		management.get().uri("/actuator/info").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.build.artifact").isEqualTo("portfolio-api");
		this.http.get().uri("/actuator/prometheus").header("Authorization", "Bearer demo-admin").exchange()
			.expectStatus().isNotFound();
		this.graphQl.document("{ sectors { code } }").execute().path("sectors").entityList(Object.class).hasSizeGreaterThan(0);
	}

}
