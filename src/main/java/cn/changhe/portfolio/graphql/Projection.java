package cn.changhe.portfolio.graphql;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of a listing's columns each field of its type reads, so that a page reads only what its
 * selection asks for: a ledger page that shows amounts and funds need not decode dates, notes and
 * timestamps for thousands of rows.
 *
 * <p>A column no selected field reads is selected as {@code NULL} under its own name, so that every
 * column keeps its position and the row mapper its shape; the row's record then holds null (or
 * zero) there, which no selected field looks at. The id column is always read. A field the
 * projection does not know (one added to the schema later) reads every column.
 */
public final class Projection {

	/** Every column. */
	static final long ALL = -1L;

	/** The most select lists kept: selections a client makes up could otherwise fill memory with them. */
	private static final int MAX_KEPT = 256;

	private final String[] columns;

	private final long always;

	private final Map<String, Long> reads;

	private final Map<Long, String> selects = new ConcurrentHashMap<>();

	private Projection(String[] columns, long always, Map<String, Long> reads) {
		this.columns = columns;
		this.always = always;
		this.reads = reads;
	}

	/** A projection of a select list of plain columns, which always reads the id column, knowing no field yet. */
	static Projection of(String columns, String id) {
		String[] list = Arrays.stream(columns.split(",")).map(String::strip).toArray(String[]::new);
		if (list.length > Long.SIZE) {
			throw new IllegalArgumentException("At most " + Long.SIZE + " columns: " + columns);
		}
		return new Projection(list, bit(list, id), Map.of());
	}

	/** This projection, knowing also that a field reads these columns (none, where it reads only the id). */
	Projection with(String field, String... columns) {
		long mask = 0;
		for (String column : columns) {
			mask |= bit(this.columns, column);
		}
		Map<String, Long> reads = new HashMap<>(this.reads);
		reads.put(field, mask);
		return new Projection(this.columns, this.always, Map.copyOf(reads));
	}

	/** How many columns the listing has. */
	int size() {
		return this.columns.length;
	}

	/** The columns the fields read, or {@link #ALL} where one of them is unknown. */
	long mask(Collection<String> fields) {
		if (this.reads.isEmpty()) {
			return ALL;
		}
		long mask = this.always;
		for (String field : fields) {
			if (field.startsWith("__")) {
				continue;
			}
			Long read = this.reads.get(field);
			if (read == null) {
				return ALL;
			}
			mask |= read;
		}
		return mask;
	}

	/** The select list for a mask: the columns it holds, and NULL under each other column's name. */
	String select(long mask) {
		String kept = this.selects.get(mask);
		if (kept != null) {
			return kept;
		}
		String[] select = new String[this.columns.length];
		for (int i = 0; i < select.length; i++) {
			select[i] = ((mask & (1L << i)) != 0) ? this.columns[i] : "NULL AS " + name(this.columns[i]);
		}
		String list = String.join(", ", select);
		if (this.selects.size() < MAX_KEPT) {
			this.selects.put(mask, list);
		}
		return list;
	}

	private static String name(String column) {
		return column.substring(column.indexOf('.') + 1);
	}

	private static long bit(String[] columns, String column) {
		int index = List.of(columns).indexOf(column);
		if (index < 0) {
			throw new IllegalArgumentException("Not a column of the listing: " + column);
		}
		return 1L << index;
	}

}
