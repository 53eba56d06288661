package cn.changhe.portfolio.graphql;

/**
 * Optimistic locking: an update names the version it read; a stale one is a CONFLICT.
 */
public final class Versions {

	private Versions() {
	}

	/**
	 * Whether the object is still at the version the client expected; a problem otherwise.
	 * @param required whether the input must name a version
	 */
	public static boolean matches(Problems problems, long current, Long expected, boolean required) {
		if (expected == null) {
			if (required) {
				problems.add(UserError.Code.REQUIRED, "`input.expectedVersion` is required.", "input", "expectedVersion");
			}
			return !required;
		}
		if (current != expected) {
			problems.add(UserError.Code.CONFLICT, "The object is at version " + current + ", not " + expected
					+ ": read it again and reapply the change.", "input", "expectedVersion");
			return false;
		}
		return true;
	}

	public static boolean matches(Problems problems, long current, Long expected) {
		return matches(problems, current, expected, true);
	}

}
