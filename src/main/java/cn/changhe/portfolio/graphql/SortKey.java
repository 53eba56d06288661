package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a connection is ordered by: a SQL expression that is never null (nullable columns are
 * wrapped in COALESCE with a sentinel), how its values are typed in a cursor, and the join it
 * needs, if any. The id always follows it as the tie-breaker.
 *
 * @param name the name a cursor carries, so that a cursor of one ordering is refused by another
 * @param expression a fixed SQL expression over the listing's tables
 * @param kind the type of its values
 * @param join a fixed SQL join the expression needs, or empty
 * @param joinParameters the join's bound values
 */
public record SortKey(String name, String expression, Kind kind, String join, List<Object> joinParameters) {

	public static SortKey of(String name, String expression, Kind kind) {
		return new SortKey(name, expression, kind, "", List.of());
	}

	/** The types a sort value can have, with their text form in a cursor. */
	public enum Kind {

		LONG, STRING, DECIMAL, DATE, DATETIME;

		Object read(ResultSet rs, int column) throws SQLException {
			return switch (this) {
				case LONG -> rs.getLong(column);
				case STRING -> rs.getString(column);
				case DECIMAL -> rs.getBigDecimal(column);
				case DATE -> rs.getObject(column, LocalDate.class);
				case DATETIME -> rs.getObject(column, LocalDateTime.class);
			};
		}

		Object parse(String text) {
			return switch (this) {
				case LONG -> Long.parseLong(text);
				case STRING -> text;
				case DECIMAL -> new BigDecimal(text);
				case DATE -> LocalDate.parse(text);
				case DATETIME -> LocalDateTime.parse(text);
			};
		}

		String format(Object value) {
			return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
		}

	}

}
