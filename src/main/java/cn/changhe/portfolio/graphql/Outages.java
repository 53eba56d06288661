package cn.changhe.portfolio.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * A database out of reach, answered as {@link Unavailable}: a field whose fetch or write found it
 * so gets that error instead of INTERNAL_ERROR; an answer with such an error carries
 * {@code Retry-After}; and where no root field has a value, the answer is the errors with
 * {@code data: null}, which {@link HttpEndpoint} sends as 503 to clients that accept
 * {@code application/graphql-response+json}. A root field that has a value (a write that
 * committed before the database went) is kept, and its answer stays 200.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Outages extends DataFetcherExceptionResolverAdapter implements WebGraphQlInterceptor {

	private final Unavailable.Properties properties;

	Outages(Unavailable.Properties properties) {
		this.properties = properties;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (!Unavailable.isOutage(ex)) {
			return null;
		}
		env.getGraphQlContext().put(Unavailable.FOUND, true);
		return GraphQLError.newError()
			.errorType(Unavailable.UNAVAILABLE)
			.message(Unavailable.message(this.properties.retryAfter()))
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.extensions(Map.of("retryAfter", this.properties.retryAfter().toSeconds()))
			.build();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(this::answered);
	}

	private WebGraphQlResponse answered(WebGraphQlResponse response) {
		if (!unavailable(response)) {
			return response;
		}
		response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(this.properties.retryAfter().toSeconds()));
		Object data = response.getExecutionResult().getData();
		if (data instanceof Map<?, ?> fields && fields.values().stream().allMatch((value) -> value == null)) {
			return response.transform((builder) -> builder.data(null));
		}
		return response;
	}

	static boolean unavailable(WebGraphQlResponse response) {
		for (ResponseError error : response.getErrors()) {
			if (Unavailable.UNAVAILABLE.equals(error.getErrorType())) {
				return true;
			}
		}
		return false;
	}

}
