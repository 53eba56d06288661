package cn.changhe.portfolio.graphql;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.BindException;

/**
 * The repository of a type that clients list and find by id: its root connection, the relations
 * that list it, and {@code node(id)}, all through one {@link Listing} and under the same scope of
 * what the viewer may see.
 *
 * @param <F> the filter of its connections
 * @param <T> its rows
 */
public abstract class ListingRepository<F, T extends Identified> implements NodeLookup {

	private static final GraphQlArgumentBinder BINDER = new GraphQlArgumentBinder();

	protected final JdbcClient jdbc;

	private final String type;

	private final Listing<T> listing;

	private final Function<F, Conditions> conditions;

	private final UnaryOperator<Conditions> scope;

	private final ResolvableType filterType;

	/**
	 * @param type the GraphQL type
	 * @param conditions the conditions a filter makes, live rows only and in the viewer's scope
	 * @param scope the viewer's scope over conditions on live rows
	 */
	protected ListingRepository(JdbcClient jdbc, String type, Listing<T> listing, Function<F, Conditions> conditions,
			UnaryOperator<Conditions> scope) {
		this.jdbc = jdbc;
		this.type = type;
		this.listing = listing;
		this.conditions = conditions;
		this.scope = scope;
		this.filterType = ResolvableType.forClass(getClass()).as(ListingRepository.class).getGeneric(0);
	}

	/**
	 * The filter that arguments make, bound as GraphQL binds a field's (nested inputs, lists, enums,
	 * ids), for an export that takes the field's filter by query parameters.
	 */
	@SuppressWarnings("unchecked")
	public F filter(Map<String, Object> arguments) throws BindException {
		return (F) BINDER.bind(arguments, false, this.filterType);
	}

	/**
	 * Every row the filter finds, oldest first, streamed from the database (the driver holds one row
	 * at a time, so memory stays the same however many there are), in the caller's transaction when
	 * it is run. The filter is checked now: a value it refuses throws {@link InvalidInput} here.
	 */
	public Runnable forEach(F filter, Consumer<T> each) {
		Conditions where = this.conditions.apply(filter);
		RowMapper<T> mapper = this.listing.mapper();
		return () -> this.jdbc.sql("SELECT " + this.listing.columns() + " FROM " + this.listing.from() + where.where()
				+ " ORDER BY " + this.listing.id())
			.withFetchSize(Integer.MIN_VALUE)
			.params(where.parameters())
			.query((ResultSet rs) -> {
				each.accept(mapper.mapRow(rs, 0));
			});
	}

	/**
	 * A page of the rows the arguments' filter finds, reading what the fields selected of them need; the total
	 * is counted only if a client asks for it.
	 * @param fields the fields selected of each row, or null for all of them
	 */
	public Connection<T> connection(ConnectionArguments<F> arguments, Collection<String> fields) {
		Conditions where = this.conditions.apply(arguments.filterOrNone());
		PageRequest page = arguments.page();
		return Connection.of(this.listing.page(this.jdbc, where, page, fields), page,
				() -> this.listing.count(this.jdbc, where));
	}

	/** A relation's source: the rows whose {@code parent} column holds one of the parents. */
	public Relation.Source<F, T> of(String parent) {
		return of(this.listing, parent);
	}

	/** The same, over another listing of the type (one joined to what holds the parent). */
	public Relation.Source<F, T> of(Listing<T> joined, String parent) {
		return joined.relation(this.jdbc, parent, this.conditions);
	}

	@Override
	public String type() {
		return this.type;
	}

	@Override
	public List<T> findAllById(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.listing.list(this.jdbc, withIds(ids));
	}

	/** The live rows with these ids that the viewer may see. */
	protected Conditions withIds(Collection<Long> ids) {
		String alias = this.listing.id().substring(0, this.listing.id().indexOf('.'));
		return this.scope.apply(new Conditions().and(alias + ".deleted_at IS NULL").andIn(this.listing.id(), ids));
	}

}
