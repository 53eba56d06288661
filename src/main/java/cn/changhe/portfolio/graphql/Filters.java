package cn.changhe.portfolio.graphql;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conditions every filter shares.
 */
public final class Filters {

	private Filters() {
	}

	/** Rows changed at or after the instant: what a partner's incremental pull asks for. */
	public static void updatedSince(Conditions where, String column, OffsetDateTime since) {
		if (since != null) {
			where.and(column + " >= ?", utc(since));
		}
	}

	/** The name in Chinese or English contains the text. */
	public static void nameContains(Conditions where, String alias, String text) {
		if (text != null && !text.isBlank()) {
			String pattern = Columns.containing(text.strip());
			where.and("(" + alias + ".name LIKE ? OR " + alias + ".name_en LIKE ?)", pattern, pattern);
		}
	}

	/** An instant as the UTC wall-clock time that DATETIME columns hold. */
	public static LocalDateTime utc(OffsetDateTime instant) {
		return instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
	}

}
