package cn.changhe.portfolio;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one harness for tests of the API: the whole application on a random port, over its own
 * embedded MariaDB with a fresh data directory (so every run migrates from empty and loads the
 * demo dataset), driven through the GraphQL HTTP endpoint.
 *
 * <p>Every test class that extends this shares one application context and one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zone.embedded.data-dir=target/test-db/${random.uuid}")
public abstract class ApiTest {

	@LocalServerPort
	protected int port;

	protected HttpGraphQlTester graphQl;

	protected WebTestClient http;

	@BeforeEach
	void connect() {
		this.http = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + this.port)
			.build();
		this.graphQl = HttpGraphQlTester.create(this.http.mutate().baseUrl("http://localhost:" + this.port + "/graphql").build());
	}

}
