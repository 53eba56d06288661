package cn.changhe.portfolio.graphql;

/**
 * A client's mistake in an argument: answered as a BAD_REQUEST error that names the argument,
 * never as a server error.
 */
public class InvalidInput extends RuntimeException {

	private final String argument;

	public InvalidInput(String argument, String message) {
		super(message);
		this.argument = argument;
	}

	public String argument() {
		return this.argument;
	}

}
