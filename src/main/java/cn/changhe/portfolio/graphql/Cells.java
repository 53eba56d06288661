package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The current row of a listing's result, read by position, knowing which columns the statement
 * selected ({@link Projection}): a column it selected as NULL reads as null (or zero, or false)
 * without a call into the driver, which takes the connection's lock on every call.
 *
 * @param rs the result, on the row to read
 * @param selected the columns selected, bit {@code n - 1} for column {@code n}
 */
public record Cells(ResultSet rs, long selected) {

	/** A row of which every column was selected. */
	public static Cells all(ResultSet rs) {
		return new Cells(rs, Projection.ALL);
	}

	public boolean has(int column) {
		return (this.selected & (1L << (column - 1))) != 0;
	}

	public long id(int column) throws SQLException {
		return this.rs.getLong(column);
	}

	public long number(int column) throws SQLException {
		return has(column) ? this.rs.getLong(column) : 0;
	}

	public int integer(int column) throws SQLException {
		return has(column) ? this.rs.getInt(column) : 0;
	}

	public boolean flag(int column) throws SQLException {
		return has(column) && this.rs.getBoolean(column);
	}

	public String text(int column) throws SQLException {
		return has(column) ? this.rs.getString(column) : null;
	}

	public BigDecimal decimal(int column) throws SQLException {
		return has(column) ? this.rs.getBigDecimal(column) : null;
	}

	public Long nullableLong(int column) throws SQLException {
		return has(column) ? Columns.nullableLong(this.rs, column) : null;
	}

	public LocalDate date(int column) throws SQLException {
		return has(column) ? Columns.date(this.rs, column) : null;
	}

	public OffsetDateTime utc(int column) throws SQLException {
		return has(column) ? Columns.utc(this.rs, column) : null;
	}

	public <E extends Enum<E>> E value(int column, Class<E> type) throws SQLException {
		return has(column) ? Columns.value(this.rs, column, type) : null;
	}

	/** The provenance and source columns, at this position and the next. */
	public Provenance provenance(int column) throws SQLException {
		return has(column) ? Columns.provenance(this.rs, column) : null;
	}

}
