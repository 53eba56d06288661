package cn.changhe.portfolio.security;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;

/**
 * An operation refused before it ran, for being over a limit: classification TOO_COMPLEX.
 */
final class TooComplex {

	static final ErrorClassification TOO_COMPLEX = ErrorClassification.errorClassification("TOO_COMPLEX");

	private TooComplex() {
	}

	static AbortExecutionException abort(String message, Map<String, Object> extensions) {
		GraphQLError error = GraphQLError.newError().message(message).errorType(TOO_COMPLEX).extensions(extensions).build();
		return new AbortExecutionException(List.of(error));
	}

}
