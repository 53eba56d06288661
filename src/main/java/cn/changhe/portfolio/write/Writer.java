package cn.changhe.portfolio.write;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import cn.changhe.portfolio.audit.Actor;
import cn.changhe.portfolio.audit.Audit;
import cn.changhe.portfolio.audit.Changes;
import cn.changhe.portfolio.graphql.NodeLookups;
import cn.changhe.portfolio.graphql.Payloads;
import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.graphql.Versions;
import cn.changhe.portfolio.write.Table.Locked;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps every mutation of a row takes, in one transaction that writes nothing when the input
 * has problems: find and lock the row at the version the client read, check the input into
 * {@code userErrors}, write, and record in the audit trail what changed. A mutation gives only what
 * is its own: how its input becomes the row's values, and what else it checks or writes.
 */
@Component
public class Writer {

	private final JdbcClient jdbc;

	private final Audit audit;

	private final Actor actor;

	private final TransactionTemplate tx;

	private final NodeLookups lookups;

	Writer(JdbcClient jdbc, Audit audit, Actor actor, TransactionTemplate tx, NodeLookups lookups) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.actor = actor;
		this.tx = tx;
		this.lookups = lookups;
	}

	/**
	 * What clients read of the row with the key, as {@code node(id)} finds it (the GraphQL type is
	 * named as the class is): what a payload answers. Null for a null key.
	 */
	public <T> T read(Class<T> type, Long key) {
		return (key != null) ? type.cast(this.lookups.of(type.getSimpleName()).findAllById(List.of(key)).get(0)) : null;
	}

	/** Whether any row meets the condition ({@link Lookups#any}). */
	public boolean any(String rowsWhere, Object... params) {
		return Lookups.any(this.jdbc, rowsWhere, params);
	}

	/** The one value the query reads; empty where it finds no row ({@link Lookups#value}). */
	public <T> Optional<T> value(Class<T> type, String sql, Object... params) {
		return Lookups.value(this.jdbc, type, sql, params);
	}

	/** A mutation's payload, from the key of the row written (null where nothing was) and the problems found. */
	@FunctionalInterface
	public interface Payload<P> {

		P of(Long key, List<UserError> errors);

	}

	/** What a write does besides its row, in its transaction: adds problems to write nothing at all. */
	@FunctionalInterface
	public interface Then<R extends Record> {

		void written(long key, R values, Problems problems);

		static <R extends Record> Then<R> nothing() {
			return (key, values, problems) -> {
			};
		}

	}

	/** A new row: the values from the input (with problems where it has them). */
	public <R extends Record, P> P create(Table<R> table, Function<Problems, R> values, Then<R> then, Payload<P> payload) {
		return Payloads.transaction(this.tx, (problems) -> {
			R row = values.apply(problems);
			if (problems.any()) {
				return null;
			}
			Long key = insert(table, row, problems);
			if (key == null) {
				return null;
			}
			then.written(key, row, problems);
			return payload.of(key, List.of());
		}, (problems) -> payload.of(null, problems.errors()));
	}

	/** The new row's key; null where a unique key refused it (a problem). */
	private <R extends Record> Long insert(Table<R> table, R row, Problems problems) {
		LocalDateTime now = Audit.now();
		long key;
		table.upkeep().before(this.jdbc, null, row);
		try {
			key = table.insert(this.jdbc, row, source(), now);
		}
		catch (DuplicateKeyException ex) {
			if (!table.duplicate(problems)) {
				throw ex;
			}
			return null;
		}
		table.upkeep().after(this.jdbc, null, row);
		this.audit.record(table.type(), key, "CREATE", table.created(row), now);
		return key;
	}

	/** The row's new values at its version; false where a unique key refused them (a problem). */
	private <R extends Record> boolean update(Table<R> table, String action, Locked<R> before, R after,
			Problems problems) {
		LocalDateTime now = Audit.now();
		table.upkeep().before(this.jdbc, before.values(), after);
		try {
			table.update(this.jdbc, before.id(), after, before.version(), source(), now);
		}
		catch (DuplicateKeyException ex) {
			if (!table.duplicate(problems)) {
				throw ex;
			}
			return false;
		}
		table.upkeep().after(this.jdbc, before.values(), after);
		// a deleted row set again by its key is a new one to the audit trail
		this.audit.record(table.type(), before.id(), before.deleted() ? "CREATE" : action,
				before.deleted() ? table.created(after) : table.changes(before.values(), after), now);
		return true;
	}

	/** Where a row written now comes from: the client writing it. */
	public String source() {
		return "API: " + this.actor.current();
	}

	/**
	 * A write of its own shape, as one transaction that writes nothing when the input has problems
	 * ({@link Payloads#transaction}); it records itself in the audit trail ({@link #audit}).
	 */
	public <P> P transaction(Function<Problems, P> work, Function<Problems, P> rejected) {
		return Payloads.transaction(this.tx, work, rejected);
	}

	/** Records, for one investor's partners only, that a record came into their sight ({@link Audit#recordFor}). */
	public void entered(long investor, String type, long key) {
		this.audit.recordFor(investor, type, key, Audit.now());
	}

	/** Records in the audit trail what a write of its own shape changed. */
	public void audit(String type, long key, String action, Changes changes, LocalDateTime at) {
		this.audit.record(type, key, action, changes, at);
	}

	public <R extends Record, P> P create(Table<R> table, Function<Problems, R> values, Payload<P> payload) {
		return create(table, values, Then.nothing(), payload);
	}

	/**
	 * A change to the row the global id in {@code input.<field>} names, at the expected version:
	 * {@code change} gives the row's values after it, from the values before.
	 */
	public <R extends Record, P> P update(Table<R> table, String field, String id, Long expectedVersion,
			Change<R> change, Then<R> then, Payload<P> payload) {
		return update(table, (problems) -> lock(table, problems, field, id, expectedVersion), change, then, payload);
	}

	/** A change to the row that {@code lock} finds and locks (with problems where it finds none). */
	public <R extends Record, P> P update(Table<R> table, Function<Problems, Optional<Locked<R>>> lock,
			Change<R> change, Then<R> then, Payload<P> payload) {
		return update(table, "UPDATE", lock, change, then, payload);
	}

	/**
	 * The same, recorded in the audit trail as the action ({@code RECORD_MILESTONE}) rather than an
	 * {@code UPDATE}.
	 */
	public <R extends Record, P> P update(Table<R> table, String action, Function<Problems, Optional<Locked<R>>> lock,
			Change<R> change, Then<R> then, Payload<P> payload) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Locked<R>> current = lock.apply(problems);
			if (current.isEmpty()) {
				return null;
			}
			Locked<R> before = current.get();
			R after = change.apply(problems, before);
			if (problems.any()) {
				return null;
			}
			if (!update(table, action, before, after, problems)) {
				return null;
			}
			then.written(before.id(), after, problems);
			return payload.of(before.id(), List.of());
		}, (problems) -> payload.of(null, problems.errors()));
	}

	public <R extends Record, P> P update(Table<R> table, String id, Long expectedVersion, Change<R> change,
			Payload<P> payload) {
		return update(table, "id", id, expectedVersion, change, Then.nothing(), payload);
	}

	/** What every delete mutation takes: the object, at the version the client read. */
	public record DeleteInput(String id, Long expectedVersion) {
	}

	/** What every delete mutation answers: the id deleted, or the problems that kept it. */
	public record DeletePayload(String deletedId, List<UserError> userErrors) {
	}

	/**
	 * The row the global id in {@code input.id} names marked deleted, unless {@code check} finds a
	 * problem (it may also write what goes with the row).
	 */
	public <R extends Record> DeletePayload delete(Table<R> table, DeleteInput input, Then<R> check) {
		Payload<DeletePayload> payload = (id, errors) -> new DeletePayload((id != null) ? input.id() : null, errors);
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Locked<R>> current = lock(table, problems, "id", input.id(), input.expectedVersion());
			if (current.isEmpty()) {
				return null;
			}
			check.written(current.get().id(), current.get().values(), problems);
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			table.upkeep().before(this.jdbc, current.get().values(), null);
			table.delete(this.jdbc, current.get().id(), now);
			table.upkeep().after(this.jdbc, current.get().values(), null);
			this.audit.record(table.type(), current.get().id(), "DELETE", new Changes().field("deletedAt", null, now), now);
			return payload.of(current.get().id(), List.of());
		}, (problems) -> payload.of(null, problems.errors()));
	}

	/**
	 * The row of a table {@link Table#keyedBy keyed} by some of its values, set to the values from
	 * the input: created where there is none (then {@code input.expectedVersion} is left out), else
	 * replaced at the version the client read.
	 */
	public <R extends Record, P> P set(Table<R> table, Function<Problems, R> values, Long expectedVersion,
			Payload<P> payload) {
		return Payloads.transaction(this.tx, (problems) -> {
			R row = values.apply(problems);
			if (problems.any()) {
				return null;
			}
			Optional<Locked<R>> current = table.lockByKey(this.jdbc, row);
			if (current.isPresent() && !current.get().deleted()) {
				Versions.matches(problems, current.get().version(), expectedVersion);
			}
			else if (expectedVersion != null) {
				problems.add(UserError.Code.CONFLICT, "There is no " + table.type() + " " + table.describeKey(row)
						+ ", so no version " + expectedVersion + " of it: leave `input.expectedVersion` out to create it.",
						"input", "expectedVersion");
			}
			if (problems.any()) {
				return null;
			}
			if (current.isPresent()) {
				update(table, "UPDATE", current.get(), row, problems);
				return payload.of(current.get().id(), List.of());
			}
			try {
				return payload.of(insert(table, row, problems), List.of());
			}
			catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
				problems.add(UserError.Code.CONFLICT, "The " + table.type() + " " + table.describeKey(row)
						+ " was created meanwhile: read it and set it again with its version.", "input", "expectedVersion");
				return null;
			}
		}, (problems) -> payload.of(null, problems.errors()));
	}

	/** The live row of the type the id in {@code input.<field>} names, locked, at the version expected; problems otherwise. */
	public <R extends Record> Optional<Locked<R>> lock(Table<R> table, Problems problems, String field, String id,
			Long expectedVersion) {
		return lock(table, problems, field, id, expectedVersion, true);
	}

	/** The same, where {@code input.expectedVersion} may be left out: then any version is taken. */
	public <R extends Record> Optional<Locked<R>> lock(Table<R> table, Problems problems, String field, String id,
			Long expectedVersion, boolean versionRequired) {
		return problems.key(id, table.type(), true, "input", field)
			.flatMap((key) -> {
				table.upkeep().prepare(this.jdbc, key);
				return problems.found(table.lock(this.jdbc, key), table.type(), "input", field);
			})
			.filter((row) -> Versions.matches(problems, row.version(), expectedVersion, versionRequired));
	}

	/** The live row with the key, locked; empty where there is none. */
	public <R extends Record> Optional<Locked<R>> lock(Table<R> table, long key) {
		return table.lock(this.jdbc, key);
	}

	/**
	 * The key of the live row of the type that the global id names, in the table; null where none
	 * is given (a problem where it is required) and where it is malformed or names no live row (a
	 * problem).
	 */
	public Long reference(Problems problems, String id, String type, String table, boolean required, String... path) {
		return problems.key(id, type, required, path)
			.flatMap((key) -> problems.found(any(table + " WHERE id = ? AND deleted_at IS NULL", key) ? Optional.of(key)
					: Optional.empty(), type, path))
			.orElse(null);
	}

	/** The row's values after a change, from those before. */
	@FunctionalInterface
	public interface Change<R extends Record> {

		R apply(Problems problems, Locked<R> before);

	}

}
