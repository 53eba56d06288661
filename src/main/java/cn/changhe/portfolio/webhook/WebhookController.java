package cn.changhe.portfolio.webhook;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changhe.portfolio.audit.Audit;
import cn.changhe.portfolio.audit.Changes;
import cn.changhe.portfolio.changes.Feed;
import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.InvalidInput;
import cn.changhe.portfolio.graphql.Payloads;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.graphql.Versions;
import cn.changhe.portfolio.security.Access;
import cn.changhe.portfolio.webhook.WebhookRepository.Webhook;
import cn.changhe.portfolio.webhook.WebhookRepository.WebhookDelivery;
import cn.changhe.portfolio.write.Writer;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administrators register webhooks for API clients, see their deliveries, remove them, and replay a
 * dead delivery; the {@link WebhookDispatcher} sends.
 */
@Controller
class WebhookController implements RuntimeWiringConfigurer {

	private final WebhookRepository webhooks;

	private final Feed feed;

	private final Audit audit;

	private final TransactionTemplate tx;

	private final WebhookProperties properties;

	WebhookController(WebhookRepository webhooks, Feed feed, Audit audit, TransactionTemplate tx,
			WebhookProperties properties) {
		this.webhooks = webhooks;
		this.feed = feed;
		this.audit = audit;
		this.tx = tx;
		this.properties = properties;
	}

	record CreateWebhookInput(String clientId, String url, String after) {
	}

	record CreateWebhookPayload(Webhook webhook, String secret, List<UserError> userErrors) {
	}

	record ReplayWebhookDeliveryInput(String id) {
	}

	record ReplayWebhookDeliveryPayload(WebhookDelivery delivery, List<UserError> userErrors) {
	}

	@QueryMapping
	@PreAuthorize(Access.ADMIN)
	public List<Webhook> webhooks() {
		return this.webhooks.all();
	}

	@SchemaMapping(typeName = "Webhook")
	public List<WebhookDelivery> deliveries(Webhook webhook, @Argument Integer first) {
		int size = (first != null) ? first : 20;
		if (size < 1 || size > 100) {
			throw new InvalidInput("first", "`first` must be between 1 and 100.");
		}
		return this.webhooks.deliveries(webhook.id(), size);
	}

	@MutationMapping
	@PreAuthorize(Access.ADMIN)
	public CreateWebhookPayload createWebhook(@Argument CreateWebhookInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Long> client = problems.key(input.clientId(), "ApiClient", true, "input", "clientId")
				.flatMap((id) -> problems.found(this.webhooks.clientLive(id) ? Optional.of(id) : Optional.empty(),
						"ApiClient", "input", "clientId"));
			String url = problems.name(input.url(), true, 2000, "input", "url");
			if (url != null) {
				Targets.problem(url, this.properties.allowPrivateTargets())
					.ifPresent((problem) -> problems.add(UserError.Code.INVALID, problem, "input", "url"));
			}
			long after = this.feed.end();
			if (input.after() != null) {
				try {
					after = Feed.position(input.after(), "input.after");
				}
				catch (InvalidInput ex) {
					problems.add(UserError.Code.INVALID, "`input.after` is not a cursor of the change feed.", "input", "after");
				}
			}
			if (problems.any()) {
				return null;
			}
			String secret = Signature.secret();
			LocalDateTime now = Audit.now();
			long id = this.webhooks.insert(client.get(), url, secret, after, now);
			this.audit.record("Webhook", id, "CREATE", Changes.created(Map.of("clientId", String.valueOf(client.get()),
					"url", url)), now);
			return new CreateWebhookPayload(this.webhooks.findAllById(List.of(id)).get(0), secret, List.of());
		}, (problems) -> new CreateWebhookPayload(null, null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.ADMIN)
	public Writer.DeletePayload deleteWebhook(@Argument Writer.DeleteInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Long> id = problems.key(input.id(), "Webhook", true, "input", "id");
			Optional<Long> version = id.flatMap((key) -> problems.found(this.webhooks.lockVersion(key), "Webhook", "input", "id"));
			if (version.isEmpty()) {
				return null;
			}
			if (!Versions.matches(problems, version.get(), input.expectedVersion())) {
				return null;
			}
			LocalDateTime now = Audit.now();
			this.webhooks.delete(id.get(), now);
			this.audit.record("Webhook", id.get(), "DELETE", new Changes().field("deletedAt", null, now), now);
			return new Writer.DeletePayload(input.id(), List.of());
		}, (problems) -> new Writer.DeletePayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.ADMIN)
	public ReplayWebhookDeliveryPayload replayWebhookDelivery(@Argument ReplayWebhookDeliveryInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Long> id = problems.key(input.id(), "WebhookDelivery", true, "input", "id");
			Optional<String> state = id.flatMap((key) -> problems.found(this.webhooks.lockDelivery(key), "WebhookDelivery",
					"input", "id"));
			if (state.isEmpty()) {
				return null;
			}
			if (!state.get().equals("DEAD")) {
				problems.add(UserError.Code.INVALID, "Only a dead delivery is replayed; this one is " + state.get() + ".", "input",
						"id");
				return null;
			}
			LocalDateTime now = Audit.now();
			this.webhooks.replay(id.get(), now);
			this.audit.record("WebhookDelivery", id.get(), "REPLAY", new Changes().field("state", "DEAD", "PENDING"), now);
			return new ReplayWebhookDeliveryPayload(this.webhooks.delivery(id.get()).orElseThrow(), List.of());
		}, (problems) -> new ReplayWebhookDeliveryPayload(null, problems.errors()));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Webhook", (type) -> type.dataFetcher("client", ByKey.one("ApiClient", Webhook::clientId)));
	}

}
