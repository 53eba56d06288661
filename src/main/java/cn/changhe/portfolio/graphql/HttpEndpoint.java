package cn.changhe.portfolio.graphql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.changhe.portfolio.security.QueryLimits;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphQLException;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The GraphQL endpoint: POST as Spring for GraphQL serves it, and GET as GraphQL over HTTP
 * defines it, {@code ?query=…&variables=…&operationName=…&extensions=…} with the JSON values
 * URL-encoded, so that a query's answer can be cached by a browser or a proxy: it carries an ETag
 * (a 304 for {@code If-None-Match}), {@code Cache-Control} and {@code Vary}. GET runs queries
 * only: a mutation sent by GET is refused before it runs, with 405 and {@code Allow: POST} (the
 * document's provider, {@link DocumentCache}, asks {@link #refusal}).
 */
public final class HttpEndpoint extends GraphQlHttpHandler {

	/** Set in the GraphQL context of a request that came by GET, whose operation must be a query. */
	private static final String SAFE_METHOD = HttpEndpoint.class.getName() + ".safeMethod";

	/** The classification of a mutation refused for coming by GET. */
	private static final ErrorClassification METHOD_NOT_ALLOWED = ErrorClassification.errorClassification("METHOD_NOT_ALLOWED");

	private static final List<MediaType> ANSWERS = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON);

	private final WebGraphQlHandler handler;

	private final JsonMapper mapper;

	private final Duration publicMaxAge;

	/** How long a request refused over its budget waits for its answer. */
	private final Duration refusalDelay;

	private final IdGenerator ids = new AlternativeJdkIdGenerator();

	HttpEndpoint(WebGraphQlHandler handler, ResultJson json, HttpProperties properties, Duration refusalDelay) {
		super(handler, json);
		this.handler = handler;
		this.mapper = json.getMapper();
		this.publicMaxAge = properties.publicMaxAge();
		this.refusalDelay = refusalDelay;
	}

	/**
	 * An answer refused over budget carries {@code Retry-After} and goes out after the refusal
	 * delay, on a timer rather than a held thread, so that a client sending again as soon as it is
	 * refused is answered a few times a second however fast it sends.
	 */
	@Override
	protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> response) {
		return super.prepareResponse(request, response.delayUntil((answer) -> {
			Object retryAfter = overBudget(answer);
			if (retryAfter == null) {
				return Mono.empty();
			}
			answer.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
			return this.refusalDelay.isZero() ? Mono.empty() : Mono.delay(this.refusalDelay);
		}));
	}

	/** The seconds to wait that an answer refused over budget gives, or null for any other answer. */
	private static Object overBudget(WebGraphQlResponse answer) {
		if (answer.getExecutionResult().isDataPresent() || answer.getErrors().isEmpty()) {
			return null;
		}
		ResponseError error = answer.getErrors().get(0);
		return (error.getErrorType() == QueryLimits.RATE_LIMITED) ? error.getExtensions().getOrDefault("retryAfter", 1) : null;
	}

	/** Answers a GraphQL request sent by GET. */
	ServerResponse get(ServerRequest request) {
		SerializableGraphQlRequest body;
		try {
			body = read(request.params());
		}
		catch (BadParameter ex) {
			return refuse(request, HttpStatus.BAD_REQUEST, ex.getMessage(), ex.parameter);
		}
		request.attributes().put(SAFE_METHOD, true);
		WebGraphQlRequest graphQl = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), null,
				request.remoteAddress().orElse(null), request.attributes(), body, this.ids.generateId().toString(),
				LocaleContextHolder.getLocale());
		graphQl.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(SAFE_METHOD, true)).build());
		boolean withToken = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) != null;
		Mono<WebGraphQlResponse> response = this.handler.handleRequest(graphQl).doOnNext((answer) -> {
			HttpHeaders headers = answer.getResponseHeaders();
			if (refusedForMethod(answer)) {
				headers.setAllow(Set.of(HttpMethod.POST));
			}
			headers.setCacheControl(cacheControl(answer, withToken));
			headers.setVary(List.of(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION));
		});
		return prepareResponse(request, response);
	}

	/**
	 * Whether a request came by GET: its answer then goes through an ETag, and must be the same
	 * bytes for the same data.
	 */
	public static boolean cameByGet(WebGraphQlRequest request) {
		return Boolean.TRUE.equals(request.getAttributes().get(SAFE_METHOD));
	}

	/**
	 * An answer with errors is not kept; an answer to a client with a token is kept by that client
	 * only and checked by its ETag each time; an answer to the public may be kept by anyone a while.
	 */
	private String cacheControl(WebGraphQlResponse answer, boolean withToken) {
		if (!answer.getErrors().isEmpty()) {
			return "no-store";
		}
		return withToken ? "private, no-cache" : "public, max-age=" + this.publicMaxAge.toSeconds();
	}

	/**
	 * The refusal of a request's operation, if it came by GET and is not a query: found from the
	 * parsed document, before its variables are read or anything of it runs.
	 */
	static GraphQLError refusal(ExecutionInput input, Document document) {
		if (!Boolean.TRUE.equals(input.getGraphQLContext().get(SAFE_METHOD))) {
			return null;
		}
		OperationDefinition operation;
		try {
			operation = NodeUtil.getOperation(document, input.getOperationName()).operationDefinition;
		}
		catch (GraphQLException ex) {
			return null; // no such operation: execution says so
		}
		if (operation.getOperation() == OperationDefinition.Operation.QUERY) {
			return null;
		}
		return GraphQLError.newError()
			.message("A " + operation.getOperation().name().toLowerCase(Locale.ROOT)
					+ " is sent with POST: GET runs queries only.")
			.errorType(METHOD_NOT_ALLOWED)
			.build();
	}

	/**
	 * 405 for a mutation by GET; where the client accepts {@code application/graphql-response+json}
	 * (with {@code application/json} every answer is 200, as GraphQL over HTTP requires), 503 for an
	 * answer without data because the database cannot be reached, and for a request refused for its
	 * {@code Idempotency-Key}, 422 (the key names another request) or 409 (its request is running),
	 * and 429 for a request refused over its budget.
	 */
	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
		if (refusedForMethod(response)) {
			return HttpStatus.METHOD_NOT_ALLOWED;
		}
		if (MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equals(responseMediaType) && response.getExecutionResult().getData() == null
				&& !response.getErrors().isEmpty()) {
			if (Outages.unavailable(response)) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
			if (overBudget(response) != null) {
				return HttpStatus.TOO_MANY_REQUESTS;
			}
			Object refused = response.getErrors().get(0).getErrorType();
			if (refused == Idempotency.REUSED) {
				return HttpStatus.UNPROCESSABLE_CONTENT;
			}
			if (refused == Idempotency.IN_USE) {
				return HttpStatus.CONFLICT;
			}
		}
		return super.selectResponseStatus(response, responseMediaType);
	}

	private static boolean refusedForMethod(WebGraphQlResponse response) {
		if (response.getExecutionResult().isDataPresent()) {
			return false;
		}
		for (ResponseError error : response.getErrors()) {
			if (METHOD_NOT_ALLOWED.equals(error.getErrorType())) {
				return true;
			}
		}
		return false;
	}

	private SerializableGraphQlRequest read(MultiValueMap<String, String> parameters) {
		SerializableGraphQlRequest body = new SerializableGraphQlRequest();
		String query = single(parameters, "query");
		String extensions = single(parameters, "extensions");
		if (extensions != null) {
			body.setExtensions(object(extensions, "extensions"));
		}
		if (query != null && !query.isBlank()) {
			body.setQuery(query);
		}
		else if (body.getExtensions().get("persistedQuery") == null) {
			throw new BadParameter("query", "The query parameter is missing: GET /graphql?query={…}.");
		}
		body.setOperationName(single(parameters, "operationName"));
		String variables = single(parameters, "variables");
		if (variables != null) {
			body.setVariables(object(variables, "variables"));
		}
		return body;
	}

	private static String single(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw new BadParameter(name, "The " + name + " parameter is given " + values.size() + " times: give it once.");
		}
		return values.get(0);
	}

	/** A JSON object from a parameter; an empty parameter or {@code null} is none. */
	private Map<String, Object> object(String json, String name) {
		if (json.isBlank()) {
			return Map.of();
		}
		Object value;
		try {
			value = this.mapper.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			throw new BadParameter(name, "The " + name + " parameter is not JSON: " + ex.getOriginalMessage());
		}
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new BadParameter(name, "The " + name + " parameter must be a JSON object, {…}.");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> object = (Map<String, Object>) map;
		return object;
	}

	/** A request that is not a GraphQL request: 400, with the error in the body as GraphQL writes errors. */
	private ServerResponse refuse(ServerRequest request, HttpStatus status, String message, String parameter) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("parameter", parameter);
		String traceId = RawErrors.traceId(request.servletRequest());
		if (traceId != null) {
			extensions.put("traceId", traceId);
		}
		GraphQLError error = GraphQLError.newError()
			.message(message)
			.errorType(ErrorType.BAD_REQUEST)
			.extensions(extensions)
			.build();
		return ServerResponse.status(status)
			.contentType(answerType(request))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(Map.of("errors", List.of(error.toSpecification())));
	}

	/** The first of the answer's types the client accepts, as Spring for GraphQL chooses it for POST. */
	private static MediaType answerType(ServerRequest request) {
		try {
			for (MediaType accepted : request.headers().accept()) {
				if (ANSWERS.contains(accepted)) {
					return accepted;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			// answered in JSON, as when nothing is named
		}
		return MediaType.APPLICATION_JSON;
	}

	private static final class BadParameter extends RuntimeException {

		private final String parameter;

		BadParameter(String parameter, String message) {
			super(message, null, false, false);
			this.parameter = parameter;
		}

	}

}
