package cn.changhe.portfolio.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.changhe.portfolio.audit.Audit;
import cn.changhe.portfolio.changes.Feed;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.system.StatementCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes each webhook's client's change feed to it, batch after batch, in feed order: a webhook has
 * at most one delivery open at a time, so the changes of one record arrive in the order they were
 * committed. A batch is planned (read from the feed as the client would read it, and stored with its
 * body) only when the one before was delivered; it is sent with the webhook's signature, and tried
 * again after a failure with waits that double up to a cap. After the last attempt it is dead, and
 * holds the webhook's later changes until an administrator replays it.
 *
 * <p>At least once: a delivery is settled only after its answer, so an instance that stops in the
 * middle of one leaves it to be sent again when its lease runs out (receivers tell repeats by
 * {@code Zone-Delivery-Id}). Every instance runs a dispatcher; a stored delivery is sent by whoever
 * takes its lease, and a batch is planned by whoever moves the webhook's position first.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final Duration KEEP_DELIVERED = Duration.ofDays(7);

	private final WebhookRepository webhooks;

	private final Feed feed;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final WebhookProperties properties;

	private final MeterRegistry meters;

	private final String owner = "instance-" + UUID.randomUUID();

	private final HttpClient http;

	private ScheduledExecutorService timer;

	private ExecutorService senders;

	private LocalDateTime lastForgotten = LocalDateTime.MIN;

	WebhookDispatcher(WebhookRepository webhooks, Feed feed, TransactionTemplate tx, JsonMapper json,
			WebhookProperties properties, MeterRegistry meters) {
		this.webhooks = webhooks;
		this.meters = meters;
		this.feed = feed;
		this.tx = tx;
		this.json = json;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private void tick() {
		try {
			plan(null);
			LocalDateTime now = Audit.now();
			for (long id : this.webhooks.due(now, 50)) {
				if (this.webhooks.claim(id, this.owner, now, now.plus(this.properties.lease()))) {
					this.senders.execute(() -> sendOn(id));
				}
			}
			if (this.lastForgotten.isBefore(now.minusHours(1))) {
				this.webhooks.forget(now.minus(KEEP_DELIVERED));
				this.lastForgotten = now;
			}
		}
		catch (RuntimeException ex) {
			// the database is away: the next tick tries again
			logger.debug("Webhooks not dispatched this time: {}", ex.getMessage());
		}
	}

	/** Plans the next batch of every idle webhook (or of the one named); the deliveries planned. */
	private List<Long> plan(Long only) {
		long end = this.feed.end();
		List<Long> planned = new ArrayList<>();
		for (WebhookRepository.Idle webhook : this.webhooks.idle(end, only)) {
			try {
				Long id = this.tx.execute((status) -> planOne(webhook, end));
				if (id != null) {
					planned.add(id);
				}
			}
			catch (DuplicateKeyException ex) {
				// another instance planned it
			}
		}
		return planned;
	}

	private Long planOne(WebhookRepository.Idle webhook, long end) {
		List<Feed.Entry> changes = asClient(webhook, () -> this.feed.after(webhook.afterSeq(), end, this.properties.batch()));
		long to = (changes.size() == this.properties.batch()) ? changes.get(changes.size() - 1).seq() : end;
		if (!this.webhooks.advance(webhook.id(), webhook.afterSeq(), to)) {
			return null;
		}
		if (changes.isEmpty()) {
			return null; // nothing the client may see: the position moves on all the same
		}
		long last = changes.get(changes.size() - 1).seq();
		return this.webhooks.insertDelivery(webhook.id(), webhook.afterSeq(), last, changes.size(),
				body(webhook, changes, last), Audit.now());
	}

	private static <T> T asClient(WebhookRepository.Idle webhook, java.util.function.Supplier<T> read) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(webhook.client(), null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return read.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private String body(WebhookRepository.Idle webhook, List<Feed.Entry> changes, long last) {
		List<Map<String, Object>> events = new ArrayList<>(changes.size());
		for (Feed.Entry change : changes) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("cursor", change.cursor());
			event.put("action", change.action());
			event.put("entityId", GlobalId.encode(change.type(), change.key()));
			event.put("at", change.at().atOffset(ZoneOffset.UTC).toString());
			events.add(event);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("webhookId", GlobalId.encode("Webhook", webhook.id()));
		body.put("afterCursor", Feed.cursor(webhook.afterSeq()));
		body.put("endCursor", Feed.cursor(last));
		body.put("changes", events);
		return this.json.writeValueAsString(body);
	}

	/** Sends the delivery, and while its webhook's deliveries go through, the batches after it at once. */
	private void sendOn(long id) {
		Long next = id;
		while (next != null) {
			Optional<Long> delivered = send(next);
			if (delivered.isEmpty()) {
				return;
			}
			List<Long> planned = plan(delivered.get());
			next = null;
			LocalDateTime now = Audit.now();
			if (!planned.isEmpty() && this.webhooks.claim(planned.get(0), this.owner, now, now.plus(this.properties.lease()))) {
				next = planned.get(0);
			}
		}
	}

	/** One attempt at a delivery this instance holds; the webhook's id if it went through. */
	private Optional<Long> send(long id) {
		Optional<WebhookRepository.Attempt> found = this.webhooks.attempt(id, this.owner);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		WebhookRepository.Attempt attempt = found.get();
		int attempts = attempt.attempts() + 1;
		Integer status = null;
		String error = null;
		Optional<String> refused = Targets.problem(attempt.url(), this.properties.allowPrivateTargets());
		if (refused.isPresent()) {
			error = refused.get().replace("`input.url`", "The URL");
		}
		else {
			try {
				long t = System.currentTimeMillis() / 1000;
				HttpRequest request = HttpRequest.newBuilder(URI.create(attempt.url()))
					.timeout(this.properties.timeout())
					.header("Content-Type", "application/json")
					.header("User-Agent", "changhe-portfolio-api-webhooks")
					.header("Zone-Webhook-Id", GlobalId.encode("Webhook", attempt.webhookId()))
					.header("Zone-Delivery-Id", GlobalId.encode("WebhookDelivery", attempt.id()))
					.header(Signature.HEADER, Signature.header(attempt.secret(), t, attempt.body()))
					.POST(HttpRequest.BodyPublishers.ofString(attempt.body()))
					.build();
				status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status < 200 || status > 299) {
					error = "The endpoint answered " + status + ".";
				}
			}
			catch (IOException | IllegalArgumentException ex) {
				error = "Not delivered: " + ex.getClass().getSimpleName()
						+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty(); // stopping: the lease runs out, and the delivery is sent again
			}
		}
		LocalDateTime now = Audit.now();
		try {
			if (error == null) {
				this.webhooks.settle(id, this.owner, "DELIVERED", attempts, status, null, now, now);
				this.meters.counter("zone.webhook.attempts", "outcome", "delivered").increment();
				return Optional.of(attempt.webhookId());
			}
			String state = (attempts >= this.properties.maxAttempts()) ? "DEAD" : "PENDING";
			this.meters.counter("zone.webhook.attempts", "outcome", state.equals("DEAD") ? "dead" : "failed").increment();
			this.webhooks.settle(id, this.owner, state, attempts, status, truncate(error), now,
					now.plus(this.properties.backoff(attempts)));
			if (state.equals("DEAD")) {
				logger.warn("Webhook delivery {} is dead after {} attempts: {}", id, attempts, error);
			}
		}
		catch (DataAccessException ex) {
			// not settled: the lease runs out, and the delivery is sent again
			logger.debug("Webhook delivery {} not settled: {}", id, ex.getMessage());
		}
		return Optional.empty();
	}

	private static String truncate(String error) {
		return (error.length() > 500) ? error.substring(0, 497) + "..." : error;
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		this.senders = Executors.newFixedThreadPool(4, (task) -> thread(task, "webhook-sender"));
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> thread(task, "webhook-dispatcher"));
		this.timer.scheduleWithFixedDelay(this::tick, 0, this.properties.every().toMillis(), TimeUnit.MILLISECONDS);
	}

	private static Thread thread(Runnable task, String name) {
		Thread thread = new Thread(() -> {
			StatementCounter.background();
			task.run();
		}, name);
		thread.setDaemon(true);
		return thread;
	}

	/** Stops planning, and lets an attempt under way end (within its timeout) so that it is settled. */
	@Override
	public void stop() {
		if (this.timer != null) {
			this.timer.shutdown();
			this.senders.shutdown();
			try {
				long wait = this.properties.timeout().toMillis() + 1000;
				if (!this.timer.awaitTermination(wait, TimeUnit.MILLISECONDS)
						|| !this.senders.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
					this.timer.shutdownNow();
					this.senders.shutdownNow(); // what it was sending is sent again once its lease runs out
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.timer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

}
