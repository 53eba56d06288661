package cn.changhe.portfolio.write;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import cn.changhe.portfolio.audit.Changes;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A table that mutations write, with the typed record {@code R} of its writable columns: each
 * component a column of the same name in snake case ({@code nameEn} is {@code name_en}; {@link Column}
 * names another). Every
 * statement is made from the record's components, so a column added to the record is read, locked,
 * inserted, updated and audited with no other change. Every table has {@code id}, {@code provenance},
 * {@code source}, {@code created_at}, {@code updated_at}, {@code version} and {@code deleted_at};
 * a row written through the API is {@code REPORTED}, its source the client that wrote it.
 * @param <R> the record of the writable columns
 */
public final class Table<R extends Record> {

	private final String type;

	private final String name;

	private final RecordComponent[] components;

	private final Method[] accessors;

	private final String[] references;

	private final Constructor<R> constructor;

	private final String lock;

	private final String lockByKey;

	private final String insert;

	private final String update;

	private final String duplicate;

	private final String[] duplicatePath;

	private final Completion<R> completion;

	private final Upkeep<R> upkeep;

	/** The components that key a row besides its id ({@link #keyedBy}), or none. */
	private final int[] key;

	/** Which components are columns of the row (not {@link Beside} it), in order. */
	private final int[] columnar;

	private Table(String type, String name, Class<R> record, Completion<R> completion, Upkeep<R> upkeep,
			String[] key, String duplicate, String... duplicatePath) {
		this.type = type;
		this.name = name;
		this.completion = completion;
		this.upkeep = upkeep;
		this.duplicate = duplicate;
		this.duplicatePath = duplicatePath;
		this.components = record.getRecordComponents();
		this.accessors = Arrays.stream(this.components).map(RecordComponent::getAccessor).toArray(Method[]::new);
		this.references = Arrays.stream(this.components)
			.map((component) -> component.isAnnotationPresent(Refers.class) ? component.getAnnotation(Refers.class).value()
					: null)
			.toArray(String[]::new);
		try {
			this.constructor = record.getDeclaredConstructor(
					Arrays.stream(this.components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			this.constructor.setAccessible(true);
			for (Method accessor : this.accessors) {
				accessor.setAccessible(true);
			}
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
		this.columnar = IntStream.range(0, this.components.length)
			.filter((i) -> !this.components[i].isAnnotationPresent(Beside.class))
			.toArray();
		List<String> names = Arrays.stream(this.components).map(RecordComponent::getName).toList();
		this.key = Arrays.stream(key).mapToInt(names::indexOf).toArray();
		List<String> columns = Arrays.stream(this.columnar).mapToObj(this::column).toList();
		String selected = "SELECT " + String.join(", ", columns) + ", version, id, deleted_at IS NOT NULL FROM " + name;
		this.lock = selected + " WHERE id = ? AND deleted_at IS NULL FOR UPDATE";
		this.lockByKey = (this.key.length == 0) ? null : selected + " WHERE "
				+ Arrays.stream(this.key).mapToObj((i) -> column(i) + " = ?").collect(Collectors.joining(" AND "))
				+ " FOR UPDATE";
		this.insert = "INSERT INTO " + name + " (" + String.join(", ", columns)
				+ ", provenance, source, created_at, updated_at, version) VALUES ("
				+ "?, ".repeat(columns.size()) + "'REPORTED', ?, ?, ?, 0)";
		// a row set by its key is the writer's from then on, and a deleted one is back
		String set = (this.key.length > 0) ? "provenance = 'REPORTED', source = ?, deleted_at = NULL, " : "";
		this.update = "UPDATE " + name + " SET "
				+ columns.stream().map((column) -> column + " = ?").collect(Collectors.joining(", ")) + ", " + set
				+ "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";
	}

	/**
	 * @param type the type as global ids and the audit trail name it ({@code Enterprise})
	 * @param name the table ({@code enterprise})
	 */
	public static <R extends Record> Table<R> of(String type, String name, Class<R> record) {
		return new Table<>(type, name, record, (jdbc, id, row) -> row, Upkeep.none(), new String[0], null);
	}

	/** The same table, with a unique key whose violation is this problem of the input field at the path. */
	public Table<R> unique(String problem, String... path) {
		return new Table<>(this.type, this.name, record(), this.completion, this.upkeep, keyNames(), problem, path);
	}

	/** The same table, whose locked rows are completed with what is kept {@link Beside} them. */
	public Table<R> completedBy(Completion<R> completion) {
		return new Table<>(this.type, this.name, record(), completion, this.upkeep, keyNames(), this.duplicate,
				this.duplicatePath);
	}

	/** The same table, whose every write also keeps up what {@code upkeep} maintains. */
	public Table<R> keepingUp(Upkeep<R> upkeep) {
		return new Table<>(this.type, this.name, record(), this.completion, upkeep, keyNames(), this.duplicate,
				this.duplicatePath);
	}

	/**
	 * The same table, whose rows clients set by these components (a code and a year) rather than
	 * create: there is one row of each key, live or deleted, and setting it over a deleted one
	 * brings it back.
	 */
	public Table<R> keyedBy(String... components) {
		return new Table<>(this.type, this.name, record(), this.completion, this.upkeep, components, this.duplicate,
				this.duplicatePath);
	}

	/** Reads what is kept beside a locked row: the row as locked, with those components filled in. */
	@FunctionalInterface
	public interface Completion<R extends Record> {

		R complete(JdbcClient jdbc, long id, R row);

	}

	/**
	 * What a table's writes keep up beside it in their transaction (such as totals over its rows):
	 * {@code before} runs before the row is written and {@code after} after it, each with the row's
	 * values before and after (null for a row created or deleted).
	 */
	public interface Upkeep<R extends Record> {

		/**
		 * Takes, before the row is locked, the locks the upkeep of a change to it will need (read
		 * without locking the row): so that every writer takes the upkeep's locks first and the rows'
		 * after, and no two wait on each other in a circle.
		 */
		default void prepare(JdbcClient jdbc, long key) {
		}

		void before(JdbcClient jdbc, R before, R after);

		void after(JdbcClient jdbc, R before, R after);

		static <R extends Record> Upkeep<R> none() {
			return new Upkeep<>() {

				@Override
				public void before(JdbcClient jdbc, R before, R after) {
				}

				@Override
				public void after(JdbcClient jdbc, R before, R after) {
				}

			};
		}

	}

	Upkeep<R> upkeep() {
		return this.upkeep;
	}

	@SuppressWarnings("unchecked")
	private Class<R> record() {
		return (Class<R>) this.constructor.getDeclaringClass();
	}

	private String[] keyNames() {
		return Arrays.stream(this.key).mapToObj((i) -> this.components[i].getName()).toArray(String[]::new);
	}

	private String column(int component) {
		RecordComponent c = this.components[component];
		return c.isAnnotationPresent(Column.class) ? c.getAnnotation(Column.class).value() : column(c.getName());
	}

	/** Whether a unique key refused the write for a problem of its input, which it adds. */
	boolean duplicate(Problems problems) {
		if (this.duplicate != null) {
			problems.add(UserError.Code.DUPLICATE, this.duplicate, this.duplicatePath);
		}
		return this.duplicate != null;
	}

	public String type() {
		return this.type;
	}

	/** The live row's columns and version, locked until the transaction ends. */
	public Optional<Locked<R>> lock(JdbcClient jdbc, long id) {
		return locked(jdbc, jdbc.sql(this.lock).param(id));
	}

	/** The row with the key of the values ({@link #keyedBy}), live or deleted, locked until the transaction ends. */
	public Optional<Locked<R>> lockByKey(JdbcClient jdbc, R values) {
		return locked(jdbc, jdbc.sql(this.lockByKey).params(keyOf(values)));
	}

	/** The values of the key's components, as a problem names them ({@code PROJECTS_SIGNED for 2024}). */
	public String describeKey(R values) {
		return keyOf(values).stream().map(String::valueOf).collect(Collectors.joining(" for "));
	}

	private List<Object> keyOf(R values) {
		return Arrays.stream(this.key).mapToObj((i) -> value(i, values)).toList();
	}

	private Optional<Locked<R>> locked(JdbcClient jdbc, JdbcClient.StatementSpec statement) {
		int at = this.columnar.length;
		return statement
			.query((rs, row) -> new Locked<>(rs.getLong(at + 2), read(rs), rs.getLong(at + 1), rs.getBoolean(at + 3)))
			.optional()
			.map((row) -> new Locked<>(row.id(), this.completion.complete(jdbc, row.id(), row.values()), row.version(),
					row.deleted()));
	}

	/** A new row; its id. */
	public long insert(JdbcClient jdbc, R values, String source, LocalDateTime now) {
		List<Object> params = new ArrayList<>(values(values));
		params.addAll(List.of(source, now, now));
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(this.insert).params(params).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The row's columns set to the values, if it is still at the version. */
	public void update(JdbcClient jdbc, long id, R values, long version, String source, LocalDateTime now) {
		List<Object> params = new ArrayList<>(values(values));
		if (this.key.length > 0) {
			params.add(source);
		}
		params.addAll(List.of(now, id, version));
		jdbc.sql(this.update).params(params).update();
	}

	/** The row marked deleted (rows are never removed: a partner's copy must learn of it). */
	public void delete(JdbcClient jdbc, long id, LocalDateTime now) {
		jdbc.sql("UPDATE " + this.name + " SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(now, now, id)
			.update();
	}

	private R read(ResultSet rs) throws SQLException {
		Object[] values = new Object[this.components.length];
		for (int column = 0; column < this.columnar.length; column++) {
			int i = this.columnar[column];
			values[i] = cell(rs, column + 1, this.components[i].getType());
		}
		try {
			return this.constructor.newInstance(values);
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object cell(ResultSet rs, int column, Class<?> type) throws SQLException {
		if (type.isEnum()) {
			String text = rs.getString(column);
			return (text != null) ? Enum.valueOf((Class<Enum>) type, text) : null;
		}
		if (type == int.class) {
			return rs.getInt(column);
		}
		if (type == long.class) {
			return rs.getLong(column);
		}
		if (type == boolean.class) {
			return rs.getBoolean(column);
		}
		return (type == BigDecimal.class) ? rs.getBigDecimal(column) : rs.getObject(column, type);
	}

	/** Every column of a new row, as the audit trail keeps it. */
	public Changes created(R after) {
		return changes(null, after);
	}

	/** The columns whose values differ, as the audit trail keeps them. */
	public Changes changes(R before, R after) {
		Changes changes = new Changes();
		for (int i = 0; i < this.components.length; i++) {
			audit(changes, this.components[i].getName(), audited(i, (before != null) ? value(i, before) : null),
					audited(i, value(i, after)));
		}
		return changes;
	}

	/** A map or a record kept beside the row is audited entry by entry ({@code milestones.SIGNED}). */
	private static void audit(Changes changes, String name, Object before, Object after) {
		if (before instanceof Map<?, ?> || after instanceof Map<?, ?>) {
			Map<?, ?> was = (before != null) ? (Map<?, ?>) before : Map.of();
			Map<?, ?> is = (after != null) ? (Map<?, ?>) after : Map.of();
			Set<Object> keys = new LinkedHashSet<>(was.keySet());
			keys.addAll(is.keySet());
			keys.forEach((key) -> changes.field(name + "." + key, was.get(key), is.get(key)));
		}
		else if (before instanceof Record || after instanceof Record) {
			Class<?> type = ((before != null) ? before : after).getClass();
			for (RecordComponent component : type.getRecordComponents()) {
				changes.field(name + "." + component.getName(), part(component, before), part(component, after));
			}
		}
		else {
			changes.field(name, before, after);
		}
	}

	private static Object part(RecordComponent component, Object record) {
		if (record == null) {
			return null;
		}
		try {
			Method accessor = component.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A key of another row by its global id, as clients know it. */
	private Object audited(int component, Object value) {
		String type = this.references[component];
		if (type != null && value instanceof List<?> keys) {
			return keys.stream().map((key) -> GlobalId.encode(type, (Long) key)).toList();
		}
		return (type != null && value instanceof Long key) ? GlobalId.encode(type, key) : value;
	}

	private List<Object> values(R values) {
		List<Object> params = new ArrayList<>(this.columnar.length);
		for (int i : this.columnar) {
			Object value = value(i, values);
			params.add((value instanceof Enum<?> constant) ? constant.name() : value);
		}
		return params;
	}

	private Object value(int component, R values) {
		try {
			return this.accessors[component].invoke(values);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String column(String component) {
		StringBuilder column = new StringBuilder();
		for (char c : component.toCharArray()) {
			if (Character.isUpperCase(c)) {
				column.append('_').append(Character.toLowerCase(c));
			}
			else {
				column.append(c);
			}
		}
		return column.toString();
	}

	/**
	 * A row as a write found it, locked.
	 * @param id its key
	 * @param values its writable columns
	 * @param version the version it is at
	 * @param deleted whether it is marked deleted (only a row locked by its key may be)
	 */
	public record Locked<R extends Record>(long id, R values, long version, boolean deleted) {
	}

}
