package cn.changhe.portfolio.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link StartupFailure} as what went wrong and what to do, without a stack trace.
 */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupFailure> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartupFailure cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
