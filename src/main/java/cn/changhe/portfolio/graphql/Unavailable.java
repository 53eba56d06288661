package cn.changhe.portfolio.graphql;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a client is told while the database cannot be reached: the classification UNAVAILABLE and
 * {@code extensions.retryAfter} in seconds (over HTTP, 503 with {@code Retry-After} where the
 * answer's type allows it). The pool waits {@code spring.datasource.hikari.connection-timeout} for a
 * connection, so that this answer comes in about that time, and the first request after the
 * database is back is served as usual.
 */
public final class Unavailable {

	public static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");

	/**
	 * Set in the GraphQL context once a field of the operation found the database out of reach, so
	 * that the rest of the operation does not wait for it again.
	 */
	public static final String FOUND = Unavailable.class.getName() + ".found";

	private static final String BROKEN = "Connection is closed";

	private Unavailable() {
	}

	/**
	 * Whether this failure is the database out of reach (no connection, a connection lost, no
	 * transaction begun), rather than a statement it refused. The causes are searched, since a
	 * loader's failure comes wrapped.
	 */
	public static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			// a commit or rollback that failed: over JDBC, the connection broke
			if (cause instanceof DataAccessResourceFailureException || cause instanceof RecoverableDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			// SQLSTATE class 08: connection exception (Connector/J's CommunicationsException among them)
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			// Hikari's proxy of a connection it closed as broken (a rollback after the failure), without a state
			if (cause instanceof SQLException sql && sql.getSQLState() == null && BROKEN.equals(sql.getMessage())) {
				return true;
			}
		}
		return false;
	}

	/** The error of a request that found the database out of reach. */
	public static GraphQLError error(Duration retryAfter) {
		return GraphQLError.newError()
			.errorType(UNAVAILABLE)
			.message(message(retryAfter))
			.extensions(Map.of("retryAfter", retryAfter.toSeconds()))
			.build();
	}

	public static String message(Duration retryAfter) {
		return "The database cannot be reached just now: try again in "
				+ retryAfter.toSeconds() + " s.";
	}

	/**
	 * Under {@code zone.outage.*}.
	 *
	 * @param retryAfter what a client is told to wait before trying again ({@code Retry-After})
	 */
	@ConfigurationProperties("zone.outage")
	public record Properties(@DefaultValue("5s") Duration retryAfter) {
	}

}
