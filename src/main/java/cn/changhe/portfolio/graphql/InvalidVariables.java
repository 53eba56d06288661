package cn.changhe.portfolio.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.TypeFromAST;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Names the input field at fault in a variable graphql-java refused. Its message names the
 * variable only ({@code Variable 'input' has an invalid value: …}); this finds, by walking the
 * variable's value against its type, the first field whose value does not coerce, and gives it in
 * the message and in {@code extensions.variable} ({@code input.amount.amount}). A literal's error
 * names the field already. Only a refused request pays for the walk.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class InvalidVariables implements WebGraphQlInterceptor {

	private static final String PREFIX = "Variable '";

	private static final String INVALID = "' has an invalid value: ";

	private final GraphQlSource source;

	InvalidVariables(GraphQlSource source) {
		this.source = source;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> {
			if (response.getExecutionResult().isDataPresent()
					|| response.getErrors().stream().noneMatch(InvalidVariables::refusedVariable)) {
				return response;
			}
			List<GraphQLError> errors = new ArrayList<>();
			for (ResponseError error : response.getErrors()) {
				errors.add(named(error, response.getExecutionInput()));
			}
			return response.transform((builder) -> builder.errors(errors));
		});
	}

	private static boolean refusedVariable(ResponseError error) {
		String message = error.getMessage();
		return message != null && message.startsWith(PREFIX) && message.contains(INVALID);
	}

	private GraphQLError named(ResponseError error, ExecutionInput input) {
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.errorType(error.getErrorType())
			.locations(error.getLocations())
			.extensions(error.getExtensions());
		if (!refusedVariable(error)) {
			return builder.build();
		}
		String message = error.getMessage();
		String variable = message.substring(PREFIX.length(), message.indexOf(INVALID));
		Optional<String> path = definition(input, variable).flatMap((definition) -> {
			GraphQLType type = TypeFromAST.getTypeFromAST(this.source.schema(), definition.getType());
			return (type instanceof GraphQLInputType inputType)
					? firstRefused(inputType, input.getRawVariables().get(variable), variable, input.getGraphQLContext(),
							input.getLocale())
					: Optional.empty();
		});
		if (path.isEmpty() || path.get().equals(variable)) {
			return builder.build();
		}
		Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
		extensions.put("variable", path.get());
		return builder
			.message(PREFIX + variable + "' has an invalid value at " + path.get() + ": "
					+ message.substring(message.indexOf(INVALID) + INVALID.length()))
			.extensions(extensions)
			.build();
	}

	private static Optional<VariableDefinition> definition(ExecutionInput input, String variable) {
		try {
			Document document = Parser.parse(input.getQuery());
			return document.getDefinitionsOfType(OperationDefinition.class)
				.stream()
				.filter((operation) -> input.getOperationName() == null
						|| input.getOperationName().equals(operation.getName()))
				.flatMap((operation) -> operation.getVariableDefinitions().stream())
				.filter((definition) -> definition.getName().equals(variable))
				.findFirst();
		}
		catch (RuntimeException ex) { // a persisted document's marker, or text that does not parse
			return Optional.empty();
		}
	}

	/** The path of the first value that does not coerce to its type, as graphql-java walks it. */
	static Optional<String> firstRefused(GraphQLInputType type, Object value, String path, GraphQLContext context,
			Locale locale) {
		if (type instanceof GraphQLNonNull nonNull) {
			return (value == null) ? Optional.of(path)
					: firstRefused((GraphQLInputType) nonNull.getWrappedType(), value, path, context, locale);
		}
		if (value == null) {
			return Optional.empty();
		}
		if (type instanceof GraphQLList list) {
			GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
			if (!(value instanceof List<?> items)) {
				return firstRefused(element, value, path, context, locale);
			}
			for (int i = 0; i < items.size(); i++) {
				Optional<String> refused = firstRefused(element, items.get(i), path + "[" + i + "]", context, locale);
				if (refused.isPresent()) {
					return refused;
				}
			}
			return Optional.empty();
		}
		if (type instanceof GraphQLInputObjectType object) {
			if (!(value instanceof Map<?, ?> fields)) {
				return Optional.of(path);
			}
			for (Object name : fields.keySet()) {
				if (object.getField(String.valueOf(name)) == null) {
					return Optional.of(path + "." + name);
				}
			}
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				String fieldPath = path + "." + field.getName();
				if (!fields.containsKey(field.getName())) {
					if (field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue()) {
						return Optional.of(fieldPath);
					}
					continue;
				}
				Optional<String> refused = firstRefused(field.getType(), fields.get(field.getName()), fieldPath, context,
						locale);
				if (refused.isPresent()) {
					return refused;
				}
			}
			return Optional.empty();
		}
		try {
			if (type instanceof GraphQLScalarType scalar) {
				scalar.getCoercing().parseValue(value, context, locale);
			}
			else if (type instanceof GraphQLEnumType enumType) {
				enumType.parseValue(value, context, locale);
			}
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.of(path);
		}
	}

}
