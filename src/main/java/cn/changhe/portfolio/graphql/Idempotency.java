package cn.changhe.portfolio.graphql;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import cn.changhe.portfolio.security.Client;
import cn.changhe.portfolio.security.QueryLimits;
import cn.changhe.portfolio.security.Viewer;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mutations sent with an {@code Idempotency-Key} header, so that a client that does not know
 * whether its write happened (a timeout, a connection lost) can send it again: a repeat with the
 * same key and the same request gets the first answer and writes nothing; the same key with
 * another request is refused. Keys are a client's own and are kept for
 * {@code zone.idempotency.ttl} (24 h), in the database, so that they hold across instances.
 *
 * <p>The key is taken in the transaction of the mutation's write ({@link Payloads} calls
 * {@link #claim}), so that it is taken if and only if the write commits: a write the database
 * never committed (an outage) leaves the key free for the retry, and two requests with one key
 * never both write (the second waits for the first's row and is refused). The answer is stored
 * once the request is done. A key whose write committed but whose answer was never stored (the
 * service stopped in between) is answered with IDEMPOTENCY_KEY_IN_USE until it expires.
 */
@Component
@Order(0) // inside the telemetry and the outage answers, around the execution
class Idempotency implements WebGraphQlInterceptor {

	static final String HEADER = "Idempotency-Key";

	/** Header answering a repeat with the stored answer. */
	static final String REPLAYED = "Idempotent-Replayed";

	static final ErrorClassification REUSED = ErrorClassification.errorClassification("IDEMPOTENCY_KEY_REUSED");

	static final ErrorClassification IN_USE = ErrorClassification.errorClassification("IDEMPOTENCY_KEY_IN_USE");

	/** Visible ASCII, as Stripe's and the IETF draft's keys are (a UUID, most often). */
	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	/** The errors after which a repeat should run again rather than get this answer. */
	private static final List<String> TRANSIENT = List.of("UNAVAILABLE", "RATE_LIMITED", "BUSY", "INTERNAL_ERROR",
			IN_USE.toString());

	private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

	private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Duration ttl;

	private final Unavailable.Properties outage;

	Idempotency(JdbcClient jdbc, JsonMapper json, Properties properties, Unavailable.Properties outage) {
		this.jdbc = jdbc;
		// a stored answer is read back with its decimals as they were written
		this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		this.ttl = properties.ttl();
		this.outage = outage;
	}

	/**
	 * Under {@code zone.idempotency.*}.
	 * @param ttl how long a key and its first answer are kept
	 */
	@ConfigurationProperties("zone.idempotency")
	record Properties(@DefaultValue("24h") Duration ttl) {
	}

	/** A request whose key is to be taken by its first write. */
	private final class Pending {

		private final String client;

		private final String key;

		private final String hash;

		private boolean claimed;

		Pending(String client, String key, String hash) {
			this.client = client;
			this.key = key;
			this.hash = hash;
		}

		void claim() {
			if (this.claimed) {
				return;
			}
			LocalDateTime now = now();
			try {
				Idempotency.this.jdbc.sql("""
						INSERT INTO idempotency_key (client, idempotency_key, request_hash, created_at, expires_at)
						VALUES (?, ?, ?, ?, ?)""")
					.params(this.client, this.key, this.hash, now, now.plus(Idempotency.this.ttl))
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new KeyInUse();
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Pending.this.claimed = true;
				}
			});
		}

	}

	/**
	 * Takes the key of the request this thread runs, if it has one, in the transaction of the write
	 * about to commit; a key another request took meanwhile fails the write (IDEMPOTENCY_KEY_IN_USE).
	 */
	static void claim() {
		Pending pending = PENDING.get();
		if (pending != null) {
			pending.claim();
		}
	}

	/** The key was taken by another request while this one ran: its write is rolled back. */
	static final class KeyInUse extends RuntimeException {

		KeyInUse() {
			super("Another request with this Idempotency-Key is being processed: its answer is the answer to this one; "
					+ "send it again in a moment.", null, false, false);
		}

	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String key = request.getHeaders().getFirst(HEADER);
		Optional<Client> client = Viewer.client();
		if (key == null || client.isEmpty()) {
			return chain.next(request);
		}
		if (!KEY.matcher(key).matches()) {
			return refuse(request, ErrorType.BAD_REQUEST,
					"The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID, for example).");
		}
		String hash = RegisteredDocuments.sha256(this.json.writeValueAsString(Arrays.asList(request.getDocument(),
				request.getOperationName(), request.getVariables(), request.getExtensions())));
		Pending pending = new Pending(client.get().name(), key, hash);
		Stored stored;
		try {
			stored = stored(pending);
		}
		catch (DataAccessException ex) {
			if (!Unavailable.isOutage(ex)) {
				throw ex;
			}
			return answer(request, ExecutionResult.newExecutionResult()
				.addError(Unavailable.error(this.outage.retryAfter()))
				.build());
		}
		if (stored != null) {
			if (!stored.hash.equals(hash)) {
				return refuse(request, REUSED, "This Idempotency-Key was sent with another request: a key names one request; "
						+ "send a new key with a new request.");
			}
			if (stored.response == null) {
				return refuse(request, IN_USE, "The request with this Idempotency-Key is being processed, or its write "
						+ "was committed and its answer lost: send it again in a moment, or read what was written.");
			}
			return answer(request, replay(stored.response)).doOnNext((response) -> response.getResponseHeaders()
				.set(REPLAYED, "true"));
		}
		return Mono.defer(() -> {
			PENDING.set(pending);
			return chain.next(request).doFinally((signal) -> PENDING.remove());
		}).map((response) -> {
			PENDING.remove();
			keep(pending, response);
			return response;
		});
	}

	private record Stored(String hash, String response) {
	}

	/** The key's row, unless it expired (an expired row is deleted, and the key is free again). */
	private Stored stored(Pending pending) {
		var row = this.jdbc.sql("""
				SELECT request_hash, response, expires_at FROM idempotency_key WHERE client = ? AND idempotency_key = ?""")
			.params(pending.client, pending.key)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class) })
			.optional();
		if (row.isEmpty()) {
			return null;
		}
		if (((LocalDateTime) row.get()[2]).isBefore(now())) {
			this.jdbc.sql("DELETE FROM idempotency_key WHERE client = ? AND idempotency_key = ? AND expires_at < ?")
				.params(pending.client, pending.key, now())
				.update();
			return null;
		}
		return new Stored((String) row.get()[0], (String) row.get()[1]);
	}

	/**
	 * Keeps a mutation's answer under its key: where its write took the key, always; where it wrote
	 * nothing, unless the answer says to try again (the database out of reach, over budget).
	 */
	private void keep(Pending pending, WebGraphQlResponse response) {
		Object type = response.getExecutionInput().getGraphQLContext().get(QueryLimits.OPERATION_TYPE);
		if (!pending.claimed && (type != OperationDefinition.Operation.MUTATION || transientAnswer(response))) {
			return;
		}
		String body = this.json.writeValueAsString(response.toMap());
		try {
			if (pending.claimed) {
				this.jdbc.sql("UPDATE idempotency_key SET response = ? WHERE client = ? AND idempotency_key = ?")
					.params(body, pending.client, pending.key)
					.update();
			}
			else {
				LocalDateTime now = now();
				this.jdbc.sql("""
						INSERT INTO idempotency_key (client, idempotency_key, request_hash, response, created_at, expires_at)
						VALUES (?, ?, ?, ?, ?, ?)""")
					.params(pending.client, pending.key, pending.hash, body, now, now.plus(this.ttl))
					.update();
			}
			if (ThreadLocalRandom.current().nextInt(100) == 0) {
				this.jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < ? LIMIT 1000").param(now()).update();
			}
		}
		catch (DuplicateKeyException ex) {
			// another request with the key answered first: its answer is the one kept
		}
		catch (DataAccessException ex) {
			log.warn("The answer to a request with an Idempotency-Key was not kept: {}", ex.getMessage());
		}
	}

	private static boolean transientAnswer(WebGraphQlResponse response) {
		for (ResponseError error : response.getErrors()) {
			if (TRANSIENT.contains(String.valueOf(error.getErrorType()))) {
				return true;
			}
		}
		return false;
	}

	/** A stored answer as an execution result: the same data, errors and extensions. */
	@SuppressWarnings("unchecked")
	private ExecutionResult replay(String body) {
		Map<String, Object> stored = this.json.readValue(body, Map.class);
		ExecutionResult.Builder<?> result = ExecutionResult.newExecutionResult();
		if (stored.containsKey("data")) {
			result.data(stored.get("data"));
		}
		List<GraphQLError> errors = new ArrayList<>();
		for (Map<String, Object> error : (List<Map<String, Object>>) stored.getOrDefault("errors", List.of())) {
			Map<String, Object> extensions = new LinkedHashMap<>((Map<String, Object>) error.getOrDefault("extensions", Map.of()));
			Object classification = extensions.remove("classification");
			GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message((String) error.get("message"));
			if (classification != null) {
				builder.errorType(ErrorClassification.errorClassification(classification.toString()));
			}
			if (!extensions.isEmpty()) {
				builder.extensions(extensions);
			}
			if (error.get("path") instanceof List<?> path) {
				builder.path((List<Object>) path);
			}
			List<SourceLocation> locations = new ArrayList<>();
			for (Map<String, Object> location : (List<Map<String, Object>>) error.getOrDefault("locations", List.of())) {
				locations.add(new SourceLocation(((Number) location.get("line")).intValue(),
						((Number) location.get("column")).intValue()));
			}
			builder.locations(locations);
			errors.add(builder.build());
		}
		result.errors(errors);
		if (stored.get("extensions") instanceof Map<?, ?> extensions) {
			result.extensions((Map<Object, Object>) extensions);
		}
		return result.build();
	}

	private Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, ErrorClassification classification, String message) {
		GraphQLError error = GraphQLError.newError()
			.errorType(classification)
			.message(message)
			.extensions(Map.of("header", HEADER))
			.build();
		return answer(request, ExecutionResult.newExecutionResult().addError(error).build());
	}

	private static Mono<WebGraphQlResponse> answer(WebGraphQlRequest request, ExecutionResult result) {
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
	}

	private static LocalDateTime now() {
		return LocalDateTime.now(ZoneOffset.UTC);
	}

}
