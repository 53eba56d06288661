package cn.changhe.portfolio.security;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.changhe.portfolio.graphql.DocumentProperties;
import cn.changhe.portfolio.graphql.HttpEndpoint;
import cn.changhe.portfolio.graphql.RegisteredDocuments;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Refuses a document longer than the limit before it is parsed, and any but a registered document
 * from a client that may run only those ({@code zone.documents.registered-only}); reports on every
 * response what the operation cost and what is left of the client's budget ({@code extensions.cost};
 * for GET, the budget left in a header); and gives back the request's heavy-operation permit, if it
 * took one, when the response is done.
 */
@Component
class DocumentLimits implements WebGraphQlInterceptor {

	/**
	 * What is left of the client's budget, in a header for an answer to GET: its body leaves it out,
	 * so that the same data is the same bytes, with the same ETag.
	 */
	static final String BUDGET_REMAINING = "Zone-Budget-Remaining";

	private final LimitProperties limits;

	private final RateLimiter rate;

	private final Admission admission;

	private final RegisteredDocuments registered;

	/** The roles of clients that may run registered documents only, and whether the public may. */
	private final Set<Role> registeredOnly = new HashSet<>();

	private final boolean publicRegisteredOnly;

	DocumentLimits(LimitProperties limits, RateLimiter rate, Admission admission, RegisteredDocuments registered,
			DocumentProperties documents) {
		this.limits = limits;
		this.rate = rate;
		this.admission = admission;
		this.registered = registered;
		boolean anyPublic = false;
		for (String who : documents.registeredOnly()) {
			String name = who.trim().toUpperCase(Locale.ROOT);
			if (name.equals("PUBLIC")) {
				anyPublic = true;
				continue;
			}
			try {
				this.registeredOnly.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("zone.documents.registered-only: " + who
						+ " is neither PUBLIC nor a role (" + Arrays.toString(Role.values()) + ")", ex);
			}
		}
		this.publicRegisteredOnly = anyPublic;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		int length = request.getDocument().length();
		if (length > this.limits.maxDocumentLength()) {
			GraphQLError error = GraphQLError.newError()
				.message("The document is " + length + " characters long, over the limit of "
						+ this.limits.maxDocumentLength() + ".")
				.errorType(TooComplex.TOO_COMPLEX)
				.extensions(Map.of("length", length, "maxLength", this.limits.maxDocumentLength()))
				.build();
			return refuse(request, error);
		}
		if (mayRunRegisteredOnly() && !registered(request)) {
			return refuse(request, GraphQLError.newError()
				.message("This client may run registered documents only: send one by its hash, "
						+ "extensions.persistedQuery.sha256Hash.")
				.errorType(ErrorType.FORBIDDEN)
				.extensions(Map.of("code", "DOCUMENT_NOT_REGISTERED"))
				.build());
		}
		String address = (request.getRemoteAddress() != null) ? request.getRemoteAddress().getAddress().getHostAddress()
				: "unknown";
		Admission.Ticket ticket = this.admission.ticket();
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.<Object, Object>of(QueryLimits.ADDRESS, address, Admission.TICKET, ticket))
			.build());
		boolean byGet = HttpEndpoint.cameByGet(request);
		return chain.next(request).map((response) -> {
			WebGraphQlResponse answer = response.transform((builder) -> builder.extensions(cost(response, byGet)));
			if (byGet) {
				answer.getResponseHeaders().set(BUDGET_REMAINING, String.valueOf(remaining(response)));
			}
			return answer;
		}).doFinally((signal) -> ticket.close());
	}

	private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, GraphQLError error) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
	}

	private boolean mayRunRegisteredOnly() {
		Optional<Client> client = Viewer.client();
		return client.isPresent() ? this.registeredOnly.contains(client.get().role()) : this.publicRegisteredOnly;
	}

	/**
	 * Whether the request names a registered document: by its hash (a text sent beside it must then
	 * match the hash, as the document provider checks), or by a text that hashes to one.
	 */
	private boolean registered(WebGraphQlRequest request) {
		if (request.getExtensions().get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") instanceof String hash) {
			return this.registered.contains(hash.toLowerCase(Locale.ROOT));
		}
		return this.registered.contains(RegisteredDocuments.sha256(request.getDocument()));
	}

	/** The cost the operation asked for and what is left of the client's budget, for every response. */
	private Map<Object, Object> cost(WebGraphQlResponse response, boolean byGet) {
		RateProperties.Limit limit = limit(response);
		Map<String, Object> throttle = new LinkedHashMap<>();
		throttle.put("maximumAvailable", limit.capacity());
		if (!byGet) {
			throttle.put("currentlyAvailable", remaining(response));
		}
		throttle.put("restoreRate", limit.restorePerSecond());
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("requestedQueryCost", response.getExecutionInput().getGraphQLContext().getOrDefault(QueryLimits.COST, 0L));
		cost.put("throttleStatus", throttle);
		Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
		extensions.put("cost", cost);
		return extensions;
	}

	private long remaining(WebGraphQlResponse response) {
		return response.getExecutionInput().getGraphQLContext().getOrDefault(QueryLimits.REMAINING, limit(response).capacity());
	}

	/** The budget the operation's cost was taken from (a client's, unless it never got that far). */
	private RateProperties.Limit limit(WebGraphQlResponse response) {
		RateProperties.Limit limit = response.getExecutionInput().getGraphQLContext().get(QueryLimits.LIMIT);
		return (limit != null) ? limit : this.rate.limitOf(RateLimiter.keyOf("unknown"));
	}

}
