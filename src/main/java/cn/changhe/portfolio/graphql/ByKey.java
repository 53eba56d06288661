package cn.changhe.portfolio.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.TrivialDataFetcher;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * Relations resolved by a key the parent holds, through a DataLoader keyed by that id: parents that
 * point at the same row share one key, a parent without a key resolves to null at once, and all of a
 * request's keys load with one statement. Keyed by id, not by the parent record, so that a batch of
 * thousands of parents never hashes whole records.
 *
 * <p>The fetchers only read the key and queue it, so they are {@link TrivialDataFetcher}s: they need
 * none of the context a controller method gets, and the load itself runs in the batch, within the
 * request (see {@link DataLoaders}). A to-many field takes its rows where they were read with its
 * parent ({@link DataLoaders#prime}).
 */
public final class ByKey<R> {

	private final String name;

	private ByKey(String name) {
		this.name = name;
	}

	/**
	 * The loader of each parent id's rows of type {@code R}, by its name: registering it
	 * ({@link #children}) and asking it ({@link #many}, {@link #prime}) are checked by the compiler.
	 */
	public static <R> ByKey<R> named(String name) {
		return new ByKey<>(name);
	}

	/** Registers the loader of each parent id's rows, grouped by the parent id each row holds. */
	public void children(DataLoaders loaders, Function<Collection<Long>, ? extends List<R>> load,
			Function<R, Long> parentId) {
		loaders.<Long, List<R>>register(this.name, (ids) -> group(ids, load.apply(ids), parentId));
	}

	/** The data fetcher of a to-many field: the parent's rows, by the parent's id. */
	public DataFetcher<Object> many() {
		return new Many<>(this.name);
	}

	/** A parent's rows, loaded in the request's batch. */
	public CompletableFuture<List<R>> load(DataFetchingEnvironment env, long parentId) {
		return env.<Long, List<R>>getDataLoader(this.name).load(parentId);
	}

	/** Gives the request a parent's rows read with something else ({@link DataLoaders#prime}). */
	public void prime(DataFetchingEnvironment env, long parentId, List<R> rows) {
		DataLoaders.prime(env, this.name, parentId, rows);
	}

	/** Registers, under the type's name, the loader of the rows of each type that {@code node(id)} finds. */
	static void rows(DataLoaders loaders, NodeLookup lookup) {
		loaders.<Long, Identified>register(lookup.type(), (ids) -> Identified.byId(lookup.findAllById(ids)));
	}

	/**
	 * The data fetcher of a to-one field: the row of the type (the GraphQL type, {@code Enterprise})
	 * that the parent's key points at, or null where it has none.
	 */
	public static <P> DataFetcher<Object> one(String type, Function<P, Long> key) {
		return new One<>(type, key);
	}

	private static <R> Map<Long, List<R>> group(Set<Long> ids, List<R> rows, Function<R, Long> parentId) {
		Map<Long, List<R>> byParent = new HashMap<>();
		for (R row : rows) {
			byParent.computeIfAbsent(parentId.apply(row), (id) -> new ArrayList<>()).add(row);
		}
		for (Long id : ids) {
			byParent.putIfAbsent(id, List.of());
		}
		return byParent;
	}

	/**
	 * Plain where the parent holds no key: the relation is null then, with nothing to load, so that a
	 * page of rows most of which point nowhere (ledger rows without a fund) completes in one pass
	 * ({@link PlainFields}). A key to load is {@link PlainFetcher.NotPlain}, except within a root
	 * field's value, where all the keys at a place are loaded at once ({@link Batched}).
	 */
	private record One<P>(String loader, Function<P, Long> key) implements PlainFetcher<Object>, Batched {

		@Override
		public Batched.At at(Map<String, Object> arguments, List<Field> fields, Map<String, FragmentDefinition> fragments) {
			return new Batched.At() {

				@Override
				@SuppressWarnings("unchecked")
				public Object key(Object source) {
					return One.this.key.apply((P) source);
				}

				@Override
				public Map<?, ?> load(DataLoaders.Loads loads, Set<Object> keys) {
					return loads.load(One.this.loader, keys);
				}

			};
		}

		@Override
		@SuppressWarnings("unchecked")
		public Object get(Object source, Map<String, Object> arguments) {
			if (this.key.apply((P) source) != null) {
				throw PlainFetcher.NotPlain.INSTANCE;
			}
			return null;
		}

		@Override
		public Object get(DataFetchingEnvironment env) {
			P parent = env.getSource();
			Long id = (parent != null) ? this.key.apply(parent) : null;
			return (id != null) ? env.<Long, Object>getDataLoader(this.loader).load(id) : null;
		}

	}

	private record Many<P extends Identified>(String loader) implements TrivialDataFetcher<Object> {

		@Override
		public Object get(DataFetchingEnvironment env) {
			P parent = env.getSource();
			if (parent == null) {
				return null;
			}
			Object primed = DataLoaders.take(env, this.loader, parent.id());
			return (primed != null) ? primed : env.<Long, Object>getDataLoader(this.loader).load(parent.id());
		}

	}

}
