package cn.changhe.portfolio.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changhe.portfolio.graphql.RawErrors;
import cn.changhe.portfolio.graphql.RegisteredDocuments;
import cn.changhe.portfolio.security.Client;
import cn.changhe.portfolio.security.QueryLimits;
import cn.changhe.portfolio.security.Viewer;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the API's own meters and the access line know of a GraphQL request: its operation, its
 * client, its calculated cost and how it ended. Meters are tagged by operation name only for the
 * registered documents' operations, and by client name (a client is created by an administrator),
 * so that no client can grow the number of series: any other operation is {@code other}, the
 * public is {@code public}. Every error gets the request's trace id in {@code extensions.traceId}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // around everything else, to see every error
class GraphQlTelemetry implements WebGraphQlInterceptor {

	private static final String OTHER = "other";

	private static final String PUBLIC = "public";

	private final MeterRegistry registry;

	private final Set<String> registeredOperations;

	GraphQlTelemetry(MeterRegistry registry, RegisteredDocuments registered) {
		this.registry = registry;
		this.registeredOperations = registered.operationNames();
	}

	/**
	 * A request as the access line gives it.
	 * @param name the operation's name, as the client gave it (or {@code -})
	 * @param tag the name meters use: the name of a registered operation, or {@code other}
	 * @param outcome {@code ok}, or the classification of the answer's first error
	 */
	record Operation(String client, String name, String tag, long cost, String outcome) {
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String client = Viewer.client().map(Client::name).orElse(PUBLIC);
		Object traceId = request.getAttributes().get(RawErrors.TRACE_ID);
		// the servlet request's attributes, for the access line (the GraphQL request's are a copy)
		RequestAttributes servlet = RequestContextHolder.getRequestAttributes();
		return chain.next(request).map((response) -> {
			GraphQLContext context = response.getExecutionInput().getGraphQLContext();
			String name = context.get(QueryLimits.OPERATION);
			if (name == null) {
				name = request.getOperationName();
			}
			String tag = (name != null && this.registeredOperations.contains(name)) ? name : OTHER;
			Long cost = context.get(QueryLimits.COST);
			String outcome = response.getErrors().isEmpty() ? "ok" : String.valueOf(response.getErrors().get(0).getErrorType());
			if (cost != null) {
				DistributionSummary.builder("zone.query.cost")
					.description("Calculated cost of each GraphQL operation")
					.baseUnit("points")
					.tags("operation", tag, "client", client)
					.register(this.registry)
					.record(cost);
			}
			if ("RATE_LIMITED".equals(outcome)) {
				Counter.builder("zone.rate.limited")
					.description("GraphQL operations refused over their client's budget")
					.tags("operation", tag, "client", client)
					.register(this.registry)
					.increment();
			}
			if (servlet != null) {
				servlet.setAttribute(RequestTelemetry.OPERATION,
						new Operation(client, (name != null) ? name : "-", tag, (cost != null) ? cost : 0, outcome),
						RequestAttributes.SCOPE_REQUEST);
			}
			return (traceId != null && !response.getErrors().isEmpty()) ? traced(response, traceId) : response;
		});
	}

	private static WebGraphQlResponse traced(WebGraphQlResponse response, Object traceId) {
		List<GraphQLError> errors = new ArrayList<>();
		for (ResponseError error : response.getErrors()) {
			Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
			extensions.put("traceId", traceId);
			GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
				.message(error.getMessage())
				.errorType(error.getErrorType())
				.locations(error.getLocations())
				.extensions(extensions);
			if (!error.getParsedPath().isEmpty()) {
				builder.path(error.getParsedPath());
			}
			errors.add(builder.build());
		}
		return response.transform((builder) -> builder.errors(errors));
	}

}
