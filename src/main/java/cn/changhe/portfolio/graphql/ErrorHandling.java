package cn.changhe.portfolio.graphql;

import java.util.Map;

import cn.changhe.portfolio.security.Admission;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Answers a client's mistake as a BAD_REQUEST error that names the argument at fault, and writes
 * that lost to others' locks as BUSY. Anything unexpected stays Spring's INTERNAL_ERROR, which shows
 * no stack trace, class name or SQL.
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

	/**
	 * A write that still met a deadlock or a lock wait timeout after {@link Payloads} ran it again:
	 * nothing was written, and the client is told to try again rather than shown an internal error.
	 */
	@GraphQlExceptionHandler
	GraphQLError lockedOut(PessimisticLockingFailureException ex, DataFetchingEnvironment env) {
		return GraphQLError.newError()
			.errorType(Admission.BUSY)
			.message("Other writes held the same records for too long; nothing was written: try again.")
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.extensions(Map.of("retryAfter", 1))
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
