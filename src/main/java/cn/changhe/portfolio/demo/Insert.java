package cn.changhe.portfolio.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One prepared INSERT into a table, with every value bound as a parameter. Audited tables get their
 * provenance, source, created_at and updated_at appended to the columns named.
 */
final class Insert implements AutoCloseable {

	// One fixed instant, read as UTC like every DATETIME of the schema, so that every run writes the same rows.
	static final LocalDateTime STAMPED_AT = LocalDateTime.of(2025, 1, 15, 0, 0);

	private static final int BATCH_SIZE = 500;

	private final PreparedStatement statement;

	private final int valueCount;

	private final boolean audited;

	private int pending;

	private Insert(Connection connection, String table, boolean audited, String... columns) throws SQLException {
		List<String> all = new ArrayList<>(List.of(columns));
		if (audited) {
			all.addAll(List.of("provenance", "source", "created_at", "updated_at"));
		}
		String sql = "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES ("
				+ String.join(", ", Collections.nCopies(all.size(), "?")) + ")";
		this.statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
		this.valueCount = columns.length;
		this.audited = audited;
	}

	/** An insert into a table that carries provenance and audit columns. */
	static Insert into(Connection connection, String table, String... columns) throws SQLException {
		return new Insert(connection, table, true, columns);
	}

	/** An insert into a link table, which has only the columns named. */
	static Insert link(Connection connection, String table, String... columns) throws SQLException {
		return new Insert(connection, table, false, columns);
	}

	/** Inserts one row now and returns the id the database gave it. */
	long returningId(Provenance provenance, Object... values) throws SQLException {
		bind(provenance, values);
		this.statement.executeUpdate();
		try (ResultSet keys = this.statement.getGeneratedKeys()) {
			if (!keys.next()) {
				throw new SQLException("No id was generated");
			}
			return keys.getLong(1);
		}
	}

	/** Adds one row of an audited table to the batch. */
	void add(Provenance provenance, Object... values) throws SQLException {
		bind(provenance, values);
		addToBatch();
	}

	/** Adds one row of a link table to the batch. */
	void add(Object... values) throws SQLException {
		bind(null, values);
		addToBatch();
	}

	@Override
	public void close() throws SQLException {
		try {
			flush();
		}
		finally {
			this.statement.close();
		}
	}

	private void bind(Provenance provenance, Object[] values) throws SQLException {
		if (values.length != this.valueCount || (this.audited != (provenance != null))) {
			throw new IllegalArgumentException("Expected " + this.valueCount + " values"
					+ (this.audited ? " and a provenance" : "") + ", got " + values.length);
		}
		int index = 1;
		for (Object value : values) {
			if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean
					|| value instanceof LocalDate)) {
				throw new IllegalArgumentException("Cannot bind a " + value.getClass().getSimpleName());
			}
			this.statement.setObject(index++, value);
		}
		if (this.audited) {
			this.statement.setString(index++, provenance.name());
			this.statement.setString(index++, provenance.source());
			this.statement.setObject(index++, STAMPED_AT);
			this.statement.setObject(index, STAMPED_AT);
		}
	}

	private void addToBatch() throws SQLException {
		this.statement.addBatch();
		if (++this.pending == BATCH_SIZE) {
			flush();
		}
	}

	private void flush() throws SQLException {
		if (this.pending > 0) {
			this.statement.executeBatch();
			this.pending = 0;
		}
	}

}
