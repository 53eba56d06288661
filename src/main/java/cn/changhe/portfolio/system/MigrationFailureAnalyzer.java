package cn.changhe.portfolio.system;

import org.flywaydb.core.api.exception.FlywayValidateException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a database whose applied migrations no longer match the ones in this build, most often
 * because a migration that had already run was edited.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<FlywayValidateException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FlywayValidateException cause) {
		String detail = cause.getMessage().replaceAll("\\s+", " ").trim();
		return new FailureAnalysis("The database's migration history does not match this build: " + detail,
				"Restore the applied migration as it was (a landed V<n>__*.sql is never edited) and put the change in a new migration; "
						+ "for a throw-away embedded database, delete its data directory instead.",
				cause);
	}

}
