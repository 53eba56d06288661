package cn.changhe.portfolio.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position of a row in an ordered connection: the value of the sort key and the id, so that
 * the next page starts right after it however many rows were inserted or deleted meanwhile.
 * Opaque to clients (base64url).
 */
record Cursor(String sort, Object value, long id) {

	private static final int MAX_LENGTH = 1000;

	String encode(SortKey.Kind kind) {
		String text = this.sort + "\n" + kind.format(this.value) + "\n" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws InvalidInput naming the argument when the text is not a cursor of this ordering
	 */
	static Cursor decode(String cursor, SortKey key, String argument) {
		if (cursor.length() <= MAX_LENGTH) {
			try {
				String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				int first = text.indexOf('\n');
				int last = text.lastIndexOf('\n');
				if (first > 0 && last > first) {
					String sort = text.substring(0, first);
					if (!sort.equals(key.name())) {
						throw new InvalidInput(argument, "`" + argument + "` is a cursor of another ordering (" + sort
								+ "); page with the orderBy it was issued for.");
					}
					Object value = key.kind().parse(text.substring(first + 1, last));
					return new Cursor(sort, value, Long.parseLong(text.substring(last + 1)));
				}
			}
			catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException ex) {
				// answered below: any malformed cursor is the same mistake
			}
		}
		throw new InvalidInput(argument, "`" + argument + "` is not a cursor of this connection.");
	}

}
