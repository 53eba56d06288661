package cn.changhe.portfolio.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Multi-row INSERT of a fixed column list: rows are buffered and written {@value #ROWS} at a time as
 * one {@code INSERT ... VALUES (...), (...), ...} statement with bound parameters, then committed.
 * It does not depend on the driver's rewriteBatchedStatements, so that it is as fast on an external
 * database whose URL lacks it.
 */
final class BulkInsert implements AutoCloseable {

	static final int ROWS = 1000;

	private final Connection connection;

	private final String head;

	private final String tuple;

	private final int columns;

	private final List<Object[]> buffer = new ArrayList<>(ROWS);

	private PreparedStatement full;

	private long written;

	BulkInsert(Connection connection, String table, String... columns) {
		this.connection = connection;
		this.columns = columns.length;
		this.head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
		this.tuple = "(" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
	}

	void add(Object... values) throws SQLException {
		if (values.length != this.columns) {
			throw new IllegalArgumentException("Expected " + this.columns + " values, got " + values.length);
		}
		this.buffer.add(values);
		if (this.buffer.size() == ROWS) {
			flush();
		}
	}

	long written() {
		return this.written + this.buffer.size();
	}

	void flush() throws SQLException {
		int n = this.buffer.size();
		if (n == 0) {
			return;
		}
		PreparedStatement statement;
		boolean temporary = n != ROWS;
		if (!temporary) {
			if (this.full == null) {
				this.full = this.connection.prepareStatement(sql(ROWS));
			}
			statement = this.full;
		}
		else {
			statement = this.connection.prepareStatement(sql(n));
		}
		try {
			int index = 1;
			for (Object[] row : this.buffer) {
				for (Object value : row) {
					statement.setObject(index++, value);
				}
			}
			statement.executeUpdate();
		}
		finally {
			if (temporary) {
				statement.close();
			}
		}
		this.connection.commit();
		this.written += n;
		this.buffer.clear();
	}

	private String sql(int rows) {
		StringBuilder sql = new StringBuilder(this.head.length() + rows * (this.tuple.length() + 2));
		sql.append(this.head);
		for (int i = 0; i < rows; i++) {
			if (i > 0) {
				sql.append(", ");
			}
			sql.append(this.tuple);
		}
		return sql.toString();
	}

	@Override
	public void close() throws SQLException {
		try {
			flush();
		}
		finally {
			if (this.full != null) {
				this.full.close();
			}
		}
	}

}
