package cn.changhe.portfolio.graphql;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The repository of a type that clients list and find by id: its root connection, the relations
 * that list it, and {@code node(id)}, all through one {@link Listing} and under the same scope of
 * what the viewer may see.
 *
 * @param <F> the filter of its connections
 * @param <T> its rows
 */
public abstract class ListingRepository<F, T extends Identified> implements NodeLookup {

	protected final JdbcClient jdbc;

	private final String type;

	private final Listing<T> listing;

	private final Function<F, Conditions> conditions;

	private final UnaryOperator<Conditions> scope;

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
