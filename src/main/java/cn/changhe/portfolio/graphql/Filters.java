package cn.changhe.portfolio.graphql;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conditions every filter shares.
 */
public final class Filters {

	/** The longest name a column holds (name_en, VARCHAR(300)). */
	private static final int MAX_NAME_LENGTH = 300;

	private Filters() {
	}

	/** Rows changed at or after the instant: what a partner's incremental pull asks for. */
	public static void updatedSince(Conditions where, String column, OffsetDateTime since) {
		if (since != null) {
			where.and(column + " >= ?", utc(since));
		}
	}

	/**
	 * Live rows; or, for an incremental pull (updatedSince), every row changed since then, the
	 * deleted ones too, with their deletedAt, so that a partner's copy can drop them.
	 */
	public static Conditions live(String alias, OffsetDateTime updatedSince) {
		Conditions where = new Conditions();
		if (updatedSince == null) {
			where.and(alias + ".deleted_at IS NULL");
		}
		else {
			updatedSince(where, alias + ".updated_at", updatedSince);
		}
		return where;
	}

	/** The name in Chinese or English contains the text. */
	public static void nameContains(Conditions where, String alias, String text) {
		if (text(text, MAX_NAME_LENGTH, "filter.nameContains") != null && !text.isBlank()) {
			String pattern = Columns.containing(text.strip());
			where.and("(" + alias + ".name LIKE ? OR " + alias + ".name_en LIKE ?)", pattern, pattern);
		}
	}

	/**
	 * The text, or null where none was given.
	 * @throws InvalidInput naming the field when the text is longer than its column
	 */
	public static String text(String text, int maxLength, String field) {
		if (text != null && text.length() > maxLength) {
			throw new InvalidInput(field,
					"`" + field + "` is at most " + maxLength + " characters, was " + text.length() + ".");
		}
		return text;
	}

	/** An instant as the UTC wall-clock time that DATETIME columns hold. */
	public static LocalDateTime utc(OffsetDateTime instant) {
		return instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
	}

}
