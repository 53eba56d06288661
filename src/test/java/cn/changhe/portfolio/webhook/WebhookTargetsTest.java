package cn.changhe.portfolio.webhook;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the defaults, a webhook may not point at this machine, its networks or anything but http(s);
 * only administrators register webhooks, and nothing is written for a refused one.
 */
class WebhookTargetsTest extends ApiTest {

	private static final String CREATE = """
			mutation($input: CreateWebhookInput!) {
			  createWebhook(input: $input) { webhook { id } secret userErrors { field code message } }
			}""";

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook",
			"http://10.1.2.3/hook", "http://192.168.0.10/hook", "http://172.16.5.4/hook", "http://169.254.169.254/latest/meta-data",
			"http://100.64.0.1/hook", "http://0.0.0.0/hook", "http://[fd00::1]/hook", "http://[::ffff:127.0.0.1]/hook" })
	void privateTargetsAreRefused(String url) {
		long before = count("webhook");
		Map<String, Object> payload = mutate(CREATE, "createWebhook", Map.of("clientId", client(), "url", url));
		assertThat(payload.get("webhook")).isNull();
		assertThat(payload.get("secret")).isNull();
		assertThat(payload.get("userErrors")).asString().contains("field=[input, url]", "code=INVALID", "private address");
		assertThat(count("webhook")).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/hook", "file:///etc/passwd", "not a url", "https://user:pw@example.com/hook",
			"http:///hook" })
	void whatIsNotAnHttpTargetIsRefused(String url) {
		Map<String, Object> payload = mutate(CREATE, "createWebhook", Map.of("clientId", client(), "url", url));
		assertThat(payload.get("webhook")).isNull();
		assertThat(payload.get("userErrors")).asString().contains("field=[input, url]", "code=INVALID");
	}

	@Test
	void aBadClientOrCursorIsNamed() {
		Map<String, Object> payload = mutate(CREATE, "createWebhook",
				Map.of("clientId", "QXBpQ2xpZW50Ojk5OTk5", "url", "http://127.0.0.1/hook", "after", "nope"));
		assertThat(payload.get("userErrors")).asString().contains("field=[input, clientId], code=NOT_FOUND",
				"field=[input, after], code=INVALID");
	}

	@Test
	void onlyAdministratorsSeeOrRegisterWebhooks() {
		for (String token : List.of("demo-editor", "demo-analyst", "demo-partner-cicc")) {
			refused(as(token), "{ webhooks { id } }", "FORBIDDEN");
			refused(as(token), "mutation { createWebhook(input: { clientId: \"" + client()
					+ "\", url: \"https://example.com/hook\" }) { secret } }", "FORBIDDEN");
		}
	}

	private String client() {
		return ((List<?>) query("{ apiClients { id name } }", "apiClients[?(@.name == 'demo-partner-cicc')].id")).get(0)
			.toString();
	}

}
