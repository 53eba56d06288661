package cn.changhe.portfolio.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.PortfolioApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application started as a user starts it, with the given settings, for tests of how it
 * starts, stops and finds its database.
 */
public final class RunningApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts the application with the settings as command-line arguments, which override its configuration. */
	public static RunningApp start(Map<String, String> settings) {
		return new RunningApp(new SpringApplicationBuilder(PortfolioApplication.class).run(arguments(settings)));
	}

	static String[] arguments(Map<String, String> settings) {
		Map<String, String> withPort = new java.util.LinkedHashMap<>(Map.of("server.port", "0"));
		withPort.putAll(settings);
		List<String> arguments = new ArrayList<>();
		withPort.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		return arguments.toArray(String[]::new);
	}

	/** A tester that sends a bearer token: a demo client's name, or the bootstrap token. */
	public HttpGraphQlTester graphQl(String token) {
		String port = this.context.getEnvironment().getProperty("local.server.port");
		WebTestClient client = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port + "/graphql")
			.defaultHeader("Authorization", "Bearer " + token)
			.build();
		return HttpGraphQlTester.create(client);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
