package cn.changhe.portfolio.system;

/**
 * A start-up problem that the user can fix, with what to do about it; reported in one line
 * by {@link StartupFailureAnalyzer}.
 */
public class StartupFailure extends RuntimeException {

	private final String action;

	public StartupFailure(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
