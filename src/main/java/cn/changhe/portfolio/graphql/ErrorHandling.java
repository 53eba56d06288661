package cn.changhe.portfolio.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Answers a client's mistake as a BAD_REQUEST error that names the argument at fault. Anything
 * unexpected stays Spring's INTERNAL_ERROR, which shows no stack trace, class name or SQL.
 */
@ControllerAdvice
class ErrorHandling {

	@GraphQlExceptionHandler
	GraphQLError invalidInput(InvalidInput ex, DataFetchingEnvironment env) {
		return GraphQLError.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.extensions(Map.of("argument", ex.argument()))
			.build();
	}

	@GraphQlExceptionHandler
	GraphQLError keyInUse(Idempotency.KeyInUse ex, DataFetchingEnvironment env) {
		return GraphQLError.newError()
			.errorType(Idempotency.IN_USE)
			.message(ex.getMessage())
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.extensions(Map.of("header", Idempotency.HEADER))
			.build();
	}

}
