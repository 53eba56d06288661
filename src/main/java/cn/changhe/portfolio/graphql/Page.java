package cn.changhe.portfolio.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A request for one page of a connection, read from {@code first} and {@code after}: at most
 * {@link #MAX_SIZE} rows after a cursor that holds the position of the last row seen.
 *
 * @param size how many rows
 * @param afterId the id of the row the page starts after, or null for the first page
 */
public record Page(int size, Long afterId) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	private static final String PREFIX = "after:";

	public static Page of(Integer first, String after) {
		int size = (first != null) ? first : DEFAULT_SIZE;
		if (size < 0 || size > MAX_SIZE) {
			throw new InvalidInput("first", "`first` must be between 0 and " + MAX_SIZE + ", was " + size + ".");
		}
		return new Page(size, (after != null) ? decode(after) : null);
	}

	public static String cursor(long id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
	}

	private static long decode(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(PREFIX)) {
				return Long.parseLong(text.substring(PREFIX.length()));
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below as a bad cursor
		}
		throw new InvalidInput("after", "`after` is not a cursor of this connection.");
	}

}
