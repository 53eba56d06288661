package cn.changhe.portfolio.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.changes.Feed;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks against a receiver on this machine's loopback (allowed here by a setting): signed
 * deliveries of the client's own feed, in order, retried after failures, dead after the last attempt
 * and replayed, carried on by an instance started after another stopped, and not doubled by two
 * instances. On a context of its own, with short waits.
 */
@TestPropertySource(properties = { "zone.webhooks.allow-private-targets=true", "zone.webhooks.every=100ms",
		"zone.webhooks.first-retry=200ms", "zone.webhooks.retry-cap=400ms", "zone.webhooks.max-attempts=4",
		"zone.changes.sequence-every=50ms" })
class WebhookTest extends ApiTest {

	/** One request the receiver got, and what it answered. */
	record Received(String delivery, String signature, String body, int status) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private WebhookDispatcher dispatcher;

	@Autowired
	private WebhookRepository webhooks;

	@Autowired
	private Feed feed;

	@Autowired
	private TransactionTemplate tx;

	@Autowired
	private JsonMapper json;

	@Autowired
	private WebhookProperties properties;

	@Autowired
	private MeterRegistry meters;

	private HttpServer receiver;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/** The status to answer the n-th request (from 1) with. */
	private volatile IntUnaryOperator answer = (n) -> 200;

	private String secret;

	private String webhook;

	@BeforeEach
	void receive() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int status = this.answer.applyAsInt(requests.incrementAndGet());
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("Zone-Delivery-Id"),
					exchange.getRequestHeaders().getFirst("Zone-Signature"), body, status));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiving() {
		if (this.webhook != null) {
			Object version = query("{ webhooks { id version } }", "webhooks[?(@.id == '" + this.webhook + "')].version");
			mutate("mutation($input: DeleteInput!) { deleteWebhook(input: $input) { deletedId } }", "deleteWebhook",
					Map.of("id", this.webhook, "expectedVersion", ((List<?>) version).get(0)));
		}
		this.receiver.stop(0);
	}

	@Test
	void aPartnersOwnChangesArriveSignedInOrderAfterFailures() throws Exception {
		this.answer = (n) -> (n <= 2) ? 500 : 200;
		HttpGraphQlTester partner = as("demo-partner-zheshang");
		register("demo-partner-zheshang");
		List<String> own = strings(partner, "{ funds(first: 100) { nodes { id } } }", "funds.nodes[*].id");
		List<Map<String, Object>> funds = query("{ funds(first: 100) { nodes { id version } } }", "funds.nodes");
		String mine = own.get(0);
		String theirs = (String) funds.stream().filter((f) -> !own.contains(f.get("id"))).findFirst().orElseThrow().get("id");
		for (int i = 1; i <= 3; i++) {
			rename(mine, "Webhook order " + i);
		}
		rename(theirs, "Webhook elsewhere");

		await(() -> changesDelivered().stream().filter(mine::equals).count() == 3);
		// every request signed with the secret over its own body, within a minute of now
		long now = System.currentTimeMillis() / 1000;
		for (Received request : this.received) {
			assertThat(Signature.verify(this.secret, request.signature(), request.body(), now, 60)).isTrue();
			assertThat(Signature.verify(this.secret, request.signature(), request.body() + " ", now, 60)).isFalse();
			assertThat(Signature.verify("whsec_other", request.signature(), request.body(), now, 60)).isFalse();
		}
		// the first delivery failed twice and went on the third attempt, the same delivery each time
		assertThat(this.received.subList(0, 3)).extracting(Received::status).containsExactly(500, 500, 200);
		assertThat(this.received.subList(0, 3)).extracting(Received::delivery).containsOnly(this.received.get(0).delivery());
		// the partner's feed, as its own `changes` gives it: nothing of another investor's
		assertThat(changesDelivered()).doesNotContain(theirs).containsExactlyElementsOf(feedOf(partner));
		Map<String, Object> first = deliveries().get(deliveries().size() - 1);
		assertThat(first).containsEntry("state", "DELIVERED").containsEntry("attempts", 3).containsEntry("lastStatus", 200);
		assertThat(first.get("deliveredAt")).isNotNull();
	}

	@Test
	void aDeadDeliveryHoldsTheRestUntilItIsReplayed() throws Exception {
		this.answer = (n) -> 503;
		register("demo-partner-zheshang");
		String mine = strings(as("demo-partner-zheshang"), "{ funds(first: 1) { nodes { id } } }", "funds.nodes[*].id").get(0);
		rename(mine, "Webhook dead 1");
		await(() -> "STOPPED".equals(state()));
		assertThat(this.received).hasSize(4).extracting(Received::status).containsOnly(503);
		Map<String, Object> dead = deliveries().get(0);
		assertThat(dead).containsEntry("state", "DEAD").containsEntry("attempts", 4).containsEntry("lastStatus", 503)
			.containsEntry("lastError", "The endpoint answered 503.");
		assertThat(this.meters.counter("zone.webhook.attempts", "outcome", "dead").count()).isGreaterThanOrEqualTo(1);
		// later changes wait behind it
		rename(mine, "Webhook dead 2");
		Thread.sleep(1000);
		assertThat(this.received).hasSize(4);

		this.answer = (n) -> 200;
		Map<String, Object> replayed = mutate("""
				mutation($input: ReplayWebhookDeliveryInput!) {
				  replayWebhookDelivery(input: $input) { delivery { id state attempts } userErrors { field code message } }
				}""", "replayWebhookDelivery", Map.of("id", dead.get("id")));
		assertThat(replayed.get("delivery")).asString().contains("state=PENDING", "attempts=0");
		await(() -> changesDelivered().stream().filter(mine::equals).count() == 2);
		assertThat(state()).isEqualTo("ACTIVE");
		// a delivery that is not dead is not replayed
		Map<String, Object> again = mutate("""
				mutation($input: ReplayWebhookDeliveryInput!) { replayWebhookDelivery(input: $input) { delivery { id } userErrors { field code message } } }""",
				"replayWebhookDelivery", Map.of("id", dead.get("id")));
		assertThat(again.get("delivery")).isNull();
		assertThat(again.get("userErrors")).asString().contains("INVALID", "DELIVERED");
	}

	@Test
	void aRetryScheduleGoesOnAfterTheServiceStopsAndStartsAgain() throws Exception {
		this.answer = (n) -> 500;
		register("demo-partner-zheshang");
		String mine = strings(as("demo-partner-zheshang"), "{ funds(first: 1) { nodes { id } } }", "funds.nodes[*].id").get(0);
		rename(mine, "Webhook restart");
		await(() -> !deliveries().isEmpty() && (Integer) deliveries().get(0).get("attempts") >= 1);
		this.dispatcher.stop(); // the attempt under way, if one is, ends and is settled first
		try {
			int attempts = (Integer) deliveries().get(0).get("attempts");
			assertThat(this.received).hasSize(attempts);
			Thread.sleep(1000); // more than two retry waits: nothing is sent while no instance runs
			assertThat(this.received).hasSize(attempts);
			assertThat(deliveries().get(0)).containsEntry("state", "PENDING");
			// a new instance (its own name for leases) finds the stored schedule and carries it on
			this.answer = (n) -> 200;
			WebhookDispatcher restarted = instance();
			restarted.start();
			try {
				await(() -> "DELIVERED".equals(deliveries().get(0).get("state")));
			}
			finally {
				restarted.stop();
			}
			assertThat(deliveries().get(0)).containsEntry("attempts", attempts + 1);
			assertThat(this.received).extracting(Received::status).endsWith(500, 200).hasSize(attempts + 1);
			assertThat(changesDelivered()).containsExactly(mine);
		}
		finally {
			this.dispatcher.start();
		}
	}

	@Test
	void twoInstancesSendEachDeliveryOnce() throws Exception {
		WebhookDispatcher second = instance();
		second.start();
		try {
			register("demo-admin");
			List<Map<String, Object>> funds = query("{ funds(first: 3) { nodes { id } } }", "funds.nodes");
			List<String> renamed = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				String fund = (String) funds.get(i % funds.size()).get("id");
				rename(fund, "Webhook twice " + i);
				renamed.add(fund);
			}
			await(() -> changesDelivered().size() >= 30);
			Thread.sleep(500);
			assertThat(this.received).extracting(Received::status).containsOnly(200);
			assertThat(this.received).extracting(Received::delivery).doesNotHaveDuplicates();
			assertThat(changesDelivered()).containsExactlyElementsOf(renamed);
		}
		finally {
			second.stop();
		}
	}

	/** Registers a webhook on the receiver for the client of that name, from the feed's end now. */
	private void register(String client) {
		String clientId = ((List<?>) query("{ apiClients { id name } }", "apiClients[?(@.name == '" + client + "')].id")).get(0)
			.toString();
		Map<String, Object> payload = mutate("""
				mutation($input: CreateWebhookInput!) {
				  createWebhook(input: $input) { webhook { id url state client { name } } secret userErrors { field code message } }
				}""", "createWebhook",
				Map.of("clientId", clientId, "url", "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook"));
		assertThat(payload.get("userErrors")).asList().isEmpty();
		Map<?, ?> webhook = (Map<?, ?>) payload.get("webhook");
		assertThat(webhook.get("state")).isEqualTo("ACTIVE");
		assertThat(((Map<?, ?>) webhook.get("client")).get("name")).isEqualTo(client);
		this.webhook = (String) webhook.get("id");
		this.secret = (String) payload.get("secret");
		assertThat(this.secret).startsWith("whsec_");
		assertThat(query("{ webhooks { id } }", "webhooks[*].id").toString()).contains(this.webhook);
	}

	private void rename(String fund, String nameEn) {
		Object version = query("query($id: ID!) { node(id: $id) { ... on Fund { version } } }", "node.version",
				Map.of("id", fund));
		Map<String, Object> payload = mutate("""
				mutation($input: UpdateFundInput!) { updateFund(input: $input) { fund { id } userErrors { code message } } }""",
				"updateFund", Map.of("id", fund, "expectedVersion", version, "nameEn", nameEn));
		assertThat(payload.get("userErrors")).asList().isEmpty();
	}

	/** The entity ids of the changes in the bodies the receiver accepted, in the order it got them. */
	private List<String> changesDelivered() {
		List<String> ids = new ArrayList<>();
		for (Received request : this.received) {
			if (request.status() == 200) {
				Map<?, ?> body = JSON.readValue(request.body(), Map.class);
				assertThat(body.get("webhookId")).isEqualTo(this.webhook);
				for (Object change : (List<?>) body.get("changes")) {
					ids.add((String) ((Map<?, ?>) change).get("entityId"));
				}
			}
		}
		return ids;
	}

	/** The entity ids of the client's feed after the webhook's start, as `changes` gives them. */
	private List<String> feedOf(HttpGraphQlTester client) {
		String after = (String) JSON.readValue(this.received.get(0).body(), Map.class).get("afterCursor");
		return client.document("query($after: String) { changes(first: 1000, after: $after) { nodes { entityId } } }")
			.variable("after", after)
			.execute()
			.path("changes.nodes[*].entityId")
			.entityList(String.class)
			.get();
	}

	private List<Map<String, Object>> deliveries() {
		return query("{ webhooks { id deliveries(first: 100) { id state attempts lastStatus lastError deliveredAt } } }",
				"webhooks[?(@.id == '" + this.webhook + "')].deliveries[*]");
	}

	private String state() {
		return ((List<?>) query("{ webhooks { id state } }", "webhooks[?(@.id == '" + this.webhook + "')].state")).get(0)
			.toString();
	}

	private WebhookDispatcher instance() {
		return new WebhookDispatcher(this.webhooks, this.feed, this.tx, this.json, this.properties, this.meters);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(until);
			Thread.sleep(50);
		}
	}

}
