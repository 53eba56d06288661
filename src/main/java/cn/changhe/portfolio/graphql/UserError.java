package cn.changhe.portfolio.graphql;

import java.util.List;

/**
 * A problem with a mutation's input, named by the path of the input field at fault
 * ({@code ["input", "uscc"]}); any one of them means nothing was written.
 */
public record UserError(List<String> field, Code code, String message) {

	public enum Code {

		/** The value is malformed or out of range. */
		INVALID,
		/** The value is missing. */
		REQUIRED,
		/** No live object has that id. */
		NOT_FOUND,
		/** Another object already holds that value. */
		DUPLICATE,
		/** The object changed since the version the client expected. */
		CONFLICT,
		/** A stage or date comes before the one it must follow. */
		OUT_OF_ORDER

	}

}
