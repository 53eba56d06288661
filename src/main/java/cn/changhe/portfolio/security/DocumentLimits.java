package cn.changhe.portfolio.security;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Refuses a document longer than the limit before it is parsed, reports on every response what
 * the operation cost and what is left of the client's budget ({@code extensions.cost}), and gives
 * back the request's heavy-operation permit, if it took one, when the response is done.
 */
@Component
class DocumentLimits implements WebGraphQlInterceptor {

	private final LimitProperties limits;

	private final RateLimiter rate;

	private final Admission admission;

	DocumentLimits(LimitProperties limits, RateLimiter rate, Admission admission) {
		this.limits = limits;
		this.rate = rate;
		this.admission = admission;
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
			ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
		}
		String address = (request.getRemoteAddress() != null) ? request.getRemoteAddress().getAddress().getHostAddress()
				: "unknown";
		Admission.Ticket ticket = this.admission.ticket();
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.<Object, Object>of(QueryLimits.ADDRESS, address, Admission.TICKET, ticket))
			.build());
		return chain.next(request)
			.map((response) -> response.transform((builder) -> builder.extensions(cost(response))))
			.doFinally((signal) -> ticket.close());
	}

	/** The cost the operation asked for and what is left of the client's budget, for every response. */
	private Map<Object, Object> cost(WebGraphQlResponse response) {
		var context = response.getExecutionInput().getGraphQLContext();
		Map<String, Object> throttle = Map.of("maximumAvailable", this.rate.capacity(), "currentlyAvailable",
				context.getOrDefault(QueryLimits.REMAINING, this.rate.capacity()), "restoreRate", this.rate.restoreRate());
		Map<Object, Object> extensions = new java.util.LinkedHashMap<>(response.getExtensions());
		extensions.put("cost", Map.of("requestedQueryCost", context.getOrDefault(QueryLimits.COST, 0L), "throttleStatus", throttle));
		return extensions;
	}

}
