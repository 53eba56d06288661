package cn.changhe.portfolio.graphql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyset (seek) pages of one kind of row: a page is found by the sort key and id of the row before
 * it, never by an offset, so it costs the same at row 1,000,000 as at row 1 and stays stable while
 * rows are inserted.
 *
 * <p>Pages of a relation for a whole batch of parents are one statement, a UNION ALL of one seek
 * per parent, and their counts another. All SQL is built from fixed fragments; every value
 * is a bound parameter.
 *
 * <p>A page reads the columns its selection needs ({@link Projection}), where the listing says
 * which columns its type's fields read ({@link #reads}).
 *
 * @param columns the select list, plain columns each with its own name
 * @param from the table (and joins) the rows come from
 * @param id the id column
 * @param reader reads a row
 * @param projection which columns each field reads
 */
public record Listing<T extends Identified>(String columns, String from, String id, Reader<T> reader,
		Projection projection) {

	/** The most parents whose pages one UNION ALL holds; more are ranked with ROW_NUMBER() instead. */
	private static final int MAX_BRANCHES = 50;

	/** A table and its alias, with no join. */
	private static final Pattern ONE_TABLE = Pattern.compile("\\w+ \\w+");

	/** Reads a row of the listing's columns, which begin the select list in their order. */
	@FunctionalInterface
	public interface Reader<T> {

		T read(Cells row, int rowNumber) throws SQLException;

	}

	/** A listing whose rows a mapper reads, every column of them on every page. */
	public Listing(String columns, String from, String id, RowMapper<T> mapper) {
		this(columns, from, id, (row, n) -> mapper.mapRow(row.rs(), n), Projection.of(columns, id));
	}

	/**
	 * A listing whose pages read every column until it is told what its type's fields read
	 * ({@link #reads}); the reader gets the columns a page did not select as null.
	 */
	public static <T extends Identified> Listing<T> projected(String columns, String from, String id, Reader<T> reader) {
		return new Listing<>(columns, from, id, reader, Projection.of(columns, id));
	}

	/** This listing, knowing that a field of its type reads these of its columns, or only the id where none are given. */
	public Listing<T> reads(String field, String... columns) {
		return new Listing<>(this.columns, this.from, this.id, this.reader, this.projection.with(field, columns));
	}

	/**
	 * This listing, knowing the fields every record has (its provenance, its timestamps, its version
	 * and when it was deleted) and that they read the columns of the same names of this table alias.
	 */
	public Listing<T> readsRecordFields(String alias) {
		return reads("provenance", alias + ".provenance", alias + ".source")
			.reads("createdAt", alias + ".created_at")
			.reads("updatedAt", alias + ".updated_at")
			.reads("version", alias + ".version")
			.reads("deletedAt", alias + ".deleted_at");
	}

	/** A mapper of rows of which every column was selected, for statements other than pages. */
	public RowMapper<T> mapper() {
		return (rs, n) -> this.reader.read(Cells.all(rs), n);
	}

	/**
	 * The select list for rows of which these fields are selected (all of them where null): the
	 * columns they read, and NULL under the others' names ({@link Projection}).
	 */
	public String select(Collection<String> fields) {
		return this.projection.select(selected(fields));
	}

	/** A mapper of rows selected with {@link #select(Collection)} for these fields. */
	public RowMapper<T> mapper(Collection<String> fields) {
		long selected = selected(fields);
		return (rs, n) -> this.reader.read(new Cells(rs, selected), n);
	}

	/** How many columns the select list has: a statement's own columns follow them. */
	public int size() {
		return this.projection.size();
	}

	/** Ordering by id alone: the order rows were created in. */
	public SortKey byId() {
		return SortKey.of("ID", this.id, SortKey.Kind.LONG);
	}

	/** One page, with one row more than it holds to tell whether another follows. */
	public List<Row<T>> page(JdbcClient jdbc, Conditions where, PageRequest page) {
		return page(jdbc, where, page, null);
	}

	/**
	 * One page, reading the columns the fields of its rows read.
	 * @param fields the fields selected of each row, or null for all of them
	 */
	public List<Row<T>> page(JdbcClient jdbc, Conditions where, PageRequest page, Collection<String> fields) {
		List<Object> parameters = new ArrayList<>(page.sort().joinParameters());
		Conditions seek = where.with(seek(page));
		parameters.addAll(seek.parameters());
		parameters.add(page.size() + 1);
		long selected = selected(fields);
		String sql = "SELECT " + this.projection.select(selected) + ", " + sortExpression(page) + " AS sort_key FROM "
				+ this.from + join(page) + seek.where() + orderBy(page) + " LIMIT ?";
		return jdbc.sql(sql).params(parameters).query(rowMapper(page, selected, false)).list();
	}

	/**
	 * The same page of a relation for each of a batch of parents, in one statement: a UNION ALL of
	 * one seek per parent, each reading no more of its parent's rows than the page needs (a parent
	 * with thousands of rows costs what one with ten does).
	 * @param parent the column that holds a row's parent key
	 * @param fields the fields selected of each row, or null for all of them
	 */
	public Map<Long, List<Row<T>>> pages(JdbcClient jdbc, String parent, Collection<Long> parents, Conditions where,
			PageRequest page, Collection<String> fields) {
		if (parents.isEmpty()) {
			return Map.of();
		}
		List<Long> keys = parents.stream().distinct().toList();
		long selected = selected(fields);
		String columns = this.projection.select(selected);
		if (keys.size() > MAX_BRANCHES) {
			return ranked(jdbc, parent, keys, where, page, columns, selected);
		}
		List<String> branches = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		boolean oneTable = isOneTable();
		for (Long key : keys) {
			Conditions seek = where.with(seek(page)).and(parent + " = ?", key);
			branches.add("(SELECT " + (oneTable ? this.id + " AS row_id" : columns) + ", " + sortExpression(page)
					+ " AS sort_key, " + parent + " AS parent_key FROM " + this.from + join(page) + seek.where()
					+ orderBy(page) + " LIMIT ?)");
			parameters.addAll(page.sort().joinParameters());
			parameters.addAll(seek.parameters());
			parameters.add(page.size() + 1);
		}
		String union = String.join(" UNION ALL ", branches);
		if (oneTable) {
			String direction = direction(page);
			union = "SELECT " + columns + ", paged.sort_key, paged.parent_key FROM (" + union + ") paged JOIN "
					+ this.from + " ON " + this.id + " = paged.row_id ORDER BY paged.sort_key" + direction
					+ ", paged.row_id" + direction;
		}
		return byParent(keys, jdbc.sql(union).params(parameters).query(rowMapper(page, selected, true)).list());
	}

	/**
	 * The same pages for more parents than a UNION ALL should hold: ROW_NUMBER() over each
	 * parent's rows, in one statement, which reads all of every parent's rows.
	 */
	private Map<Long, List<Row<T>>> ranked(JdbcClient jdbc, String parent, List<Long> keys, Conditions where,
			PageRequest page, String columns, long selected) {
		List<Object> parameters = new ArrayList<>(page.sort().joinParameters());
		Conditions seek = where.with(seek(page)).andIn(parent, keys);
		parameters.addAll(seek.parameters());
		parameters.add(page.size() + 1);
		String direction = direction(page);
		String ranking = sortExpression(page) + " AS sort_key, " + parent + " AS parent_key, ROW_NUMBER() OVER (PARTITION BY "
				+ parent + " ORDER BY " + sortExpression(page) + direction + ", " + this.id + direction
				+ ") AS row_in_parent FROM " + this.from + join(page) + seek.where();
		String sql = isOneTable()
				? "SELECT " + columns + ", ranked.sort_key, ranked.parent_key FROM (SELECT " + this.id + " AS row_id, "
						+ ranking + ") ranked JOIN " + this.from + " ON " + this.id + " = ranked.row_id"
						+ " WHERE ranked.row_in_parent <= ? ORDER BY ranked.parent_key, ranked.row_in_parent"
				: "SELECT * FROM (SELECT " + columns + ", " + ranking
						+ ") ranked WHERE row_in_parent <= ? ORDER BY parent_key, row_in_parent";
		return byParent(keys, jdbc.sql(sql).params(parameters).query(rowMapper(page, selected, true)).list());
	}

	/**
	 * Whether the rows come from one table: a batch's seeks then read the ids of the pages' rows
	 * alone, which their index holds, and the rows themselves are read after, only for the rows the
	 * pages keep. Rows of a join are read whole in the seeks.
	 */
	private boolean isOneTable() {
		return ONE_TABLE.matcher(this.from).matches();
	}

	/** The rows of each parent, in the order read; every parent has an entry. */
	private static <T> Map<Long, List<Row<T>>> byParent(List<Long> keys, List<Row<T>> rows) {
		Map<Long, List<Row<T>>> byParent = new HashMap<>();
		rows.forEach((row) -> byParent.computeIfAbsent(row.parent(), (key) -> new ArrayList<>()).add(row));
		Map<Long, List<Row<T>>> result = new LinkedHashMap<>();
		keys.forEach((key) -> result.put(key, byParent.getOrDefault(key, List.of())));
		return result;
	}

	/**
	 * A paged relation over this listing: the rows whose {@code parent} column holds one of the
	 * parents, under the conditions the relation's filter makes.
	 */
	public <F> Relation.Source<F, T> relation(JdbcClient jdbc, String parent, Function<F, Conditions> conditions) {
		return new Relation.Source<>() {

			@Override
			public Map<Long, List<Row<T>>> pages(Collection<Long> parents, F filter, PageRequest page,
					Set<String> fields) {
				return Listing.this.pages(jdbc, parent, parents, conditions.apply(filter), page, fields);
			}

			@Override
			public Map<Long, Long> counts(Collection<Long> parents, F filter) {
				return Listing.this.counts(jdbc, parent, parents, conditions.apply(filter));
			}

		};
	}

	/** Every row the conditions find, in no order: the rows of a batch of ids. */
	public List<T> list(JdbcClient jdbc, Conditions where) {
		return jdbc.sql("SELECT " + this.columns + " FROM " + this.from + where.where())
			.params(where.parameters())
			.query(mapper())
			.list();
	}

	public long count(JdbcClient jdbc, Conditions where) {
		return jdbc.sql("SELECT COUNT(*) FROM " + this.from + where.where())
			.params(where.parameters())
			.query(Long.class)
			.single();
	}

	/** Each parent's count of rows, in one statement. */
	public Map<Long, Long> counts(JdbcClient jdbc, String parent, Collection<Long> parents, Conditions where) {
		if (parents.isEmpty()) {
			return Map.of();
		}
		Conditions ofParents = where.with(new Conditions().andIn(parent, parents));
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("SELECT " + parent + " AS parent_key, COUNT(*) AS n FROM " + this.from + ofParents.where()
				+ " GROUP BY " + parent)
			.params(ofParents.parameters())
			.query((ResultSet rs) -> {
				counts.put(rs.getLong("parent_key"), rs.getLong("n"));
			});
		parents.forEach((key) -> counts.putIfAbsent(key, 0L));
		return counts;
	}

	/** The columns rows of which these fields are selected read (all of them where null). */
	private long selected(Collection<String> fields) {
		return (fields != null) ? this.projection.mask(fields) : Projection.ALL;
	}

	/** The rows after (or before) the cursor, in the order being read. */
	private Conditions seek(PageRequest page) {
		Conditions seek = new Conditions();
		Cursor cursor = page.cursor();
		if (cursor == null) {
			return seek;
		}
		String past = page.readsDescending() ? " < ?" : " > ?";
		if (isById(page)) {
			return seek.and(this.id + past, cursor.id());
		}
		String key = sortExpression(page);
		return seek.and("(" + key + past + " OR (" + key + " = ? AND " + this.id + past + "))", cursor.value(),
				cursor.value(), cursor.id());
	}

	private String orderBy(PageRequest page) {
		String direction = direction(page);
		return isById(page) ? " ORDER BY " + this.id + direction
				: " ORDER BY " + sortExpression(page) + direction + ", " + this.id + direction;
	}

	/** The order rows are read in, as SQL. */
	private static String direction(PageRequest page) {
		return page.readsDescending() ? " DESC" : " ASC";
	}

	private boolean isById(PageRequest page) {
		return page.sort().expression().equals(this.id);
	}

	private static String sortExpression(PageRequest page) {
		return page.sort().expression();
	}

	private static String join(PageRequest page) {
		return page.sort().join().isEmpty() ? "" : " " + page.sort().join();
	}

	/** Reads the listing's columns, then the sort key after them, and the parent key after that where there is one. */
	private RowMapper<Row<T>> rowMapper(PageRequest page, long selected, boolean withParent) {
		SortKey.Kind kind = page.sort().kind();
		int sortKey = this.projection.size() + 1;
		return (rs, n) -> new Row<>(this.reader.read(new Cells(rs, selected), n), kind.read(rs, sortKey),
				withParent ? rs.getLong(sortKey + 1) : 0L);
	}

	/** The rows of a page in the order the connection shows them. */
	static <T> List<Row<T>> inConnectionOrder(List<Row<T>> rows, PageRequest page) {
		if (!page.backward()) {
			return rows;
		}
		List<Row<T>> reversed = new ArrayList<>(rows);
		Collections.reverse(reversed);
		return reversed;
	}

}
