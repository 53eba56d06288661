package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the columns every table shares, and the types that need care, from a row: by name, or by
 * position where a mapper reads a fixed list of columns on every row of a listing (the driver looks a
 * name up in a case-insensitive tree on every call, tens of thousands of times for a nested page).
 */
public final class Columns {

	private Columns() {
	}

	public static Provenance provenance(ResultSet rs) throws SQLException {
		return new Provenance(Provenance.Kind.valueOf(rs.getString("provenance")), rs.getString("source"));
	}

	/** The provenance and source columns, at this position and the next; null where the provenance is. */
	public static Provenance provenance(ResultSet rs, int column) throws SQLException {
		Provenance.Kind kind = value(rs, column, Provenance.Kind.class);
		return (kind != null) ? new Provenance(kind, rs.getString(column + 1)) : null;
	}

	/** An enum column, or null. */
	public static <E extends Enum<E>> E value(ResultSet rs, int column, Class<E> type) throws SQLException {
		String name = rs.getString(column);
		return (name != null) ? Enum.valueOf(type, name) : null;
	}

	/** A DATETIME column, stored in UTC. */
	public static OffsetDateTime utc(ResultSet rs, String column) throws SQLException {
		return utc(rs, rs.findColumn(column));
	}

	public static OffsetDateTime utc(ResultSet rs, int column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.atOffset(ZoneOffset.UTC) : null;
	}

	public static LocalDate date(ResultSet rs, String column) throws SQLException {
		return date(rs, rs.findColumn(column));
	}

	public static LocalDate date(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	public static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column);
	}

	/** A nullable BIGINT column. */
	public static Long nullableLong(ResultSet rs, String column) throws SQLException {
		return nullableLong(rs, rs.findColumn(column));
	}

	public static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** A LIKE pattern that matches the text anywhere, with the text's own wildcards escaped. */
	public static String containing(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
