package cn.changhe.portfolio.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.TrivialDataFetcher;
import graphql.language.FragmentDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.core.ResolvableType;
import org.springframework.validation.BindException;

/**
 * A paged relation of a parent, such as an enterprise's projects, loaded for every parent in a
 * request with one statement for the pages (and one for the counts, when asked for), however many
 * parents there are.
 *
 * @param <F> the relation's filter, or {@code Void} where it has none
 * @param <T> the related rows
 */
public final class Relation<F, T extends Identified> {

	/** Loads the pages and counts of one relation for a batch of parents. */
	public interface Source<F, T> {

		/** Each parent's page, reading what the fields selected of its rows need. */
		Map<Long, List<Row<T>>> pages(Collection<Long> parents, F filter, PageRequest page, Set<String> fields);

		Map<Long, Long> counts(Collection<Long> parents, F filter);

	}

	/**
	 * What one parent asks of the relation; parents asking the same are loaded together.
	 * @param fields the fields selected of the related rows
	 */
	public record Key<F>(long parent, F filter, PageRequest page, boolean withCount, Set<String> fields) {
	}

	private final String name;

	private Relation(String name) {
		this.name = name;
	}

	/**
	 * The relation's loader, by its name: registering it ({@link #register}) and asking it
	 * ({@link #field}) with filters of the same type are checked by the compiler.
	 */
	public static <F, T extends Identified> Relation<F, T> named(String name) {
		return new Relation<>(name);
	}

	/** Registers the relation's loader, which its field's fetcher ({@link #field}) asks for. */
	public void register(DataLoaders loaders, Source<F, T> source) {
		loaders.<Key<F>, Connection<T>>register(this.name, (keys) -> load(keys, source));
	}

	/**
	 * The data fetcher of the relation's field: asks the relation's loader for the parent's page,
	 * the loader running once for the whole batch.
	 * @param arguments the type the field's arguments bind to
	 * @param filter the filter the arguments ask for
	 * @param page the page the arguments ask for
	 */
	public <A> DataFetcher<Object> field(Class<A> arguments, Function<A, F> filter, Function<A, PageRequest> page) {
		return new Field<>(this.name, ResolvableType.forClass(arguments), filter, page);
	}

	/** The same, with the filter and the page the arguments ask for. */
	public <A extends ConnectionArguments<F>> DataFetcher<Object> field(Class<A> arguments) {
		return field(arguments, ConnectionArguments::filterOrNone, ConnectionArguments::page);
	}

	private static <F, T extends Identified> Map<Key<F>, Connection<T>> load(Set<Key<F>> keys, Source<F, T> source) {
		Map<Key<F>, List<Key<F>>> groups = new LinkedHashMap<>();
		keys.forEach((key) -> groups.computeIfAbsent(new Key<>(0, key.filter(), key.page(), key.withCount(),
				key.fields()), (group) -> new ArrayList<>()).add(key));
		Map<Key<F>, Connection<T>> result = new HashMap<>();
		groups.forEach((group, members) -> {
			List<Long> parents = members.stream().map(Key::parent).distinct().toList();
			Map<Long, List<Row<T>>> pages = source.pages(parents, group.filter(), group.page(), group.fields());
			Map<Long, Long> counts = group.withCount() ? source.counts(parents, group.filter()) : Map.of();
			for (Key<F> key : members) {
				long total = counts.getOrDefault(key.parent(), 0L);
				result.put(key, Connection.of(pages.getOrDefault(key.parent(), List.of()), group.page(),
						group.withCount() ? () -> total : Relation::notCounted));
			}
		});
		return result;
	}

	private static long notCounted() {
		throw new IllegalStateException("totalCount was not selected");
	}

	/**
	 * A relation field's fetcher. What a place in the document asks (the bound arguments, whether the
	 * count is selected, the fields selected of the rows) is the same for every parent there, so it
	 * is worked out once per request for each place and set of argument values, not for each of
	 * hundreds of parents. It only reads its parent's id and queues a key, so it is a
	 * {@link TrivialDataFetcher}, like {@link ByKey}'s; and {@link Batched}, so that
	 * {@link PlainFields} loads a place's pages for all its parents at once without a DataLoader.
	 */
	private static final class Field<A, F> implements TrivialDataFetcher<Object>, Batched {

		/** Where a request keeps what each place asks. */
		private static final Object ASKED = Field.class;

		private final String loader;

		private final ResolvableType arguments;

		private final Function<A, F> filter;

		private final Function<A, PageRequest> page;

		Field(String loader, ResolvableType arguments, Function<A, F> filter, Function<A, PageRequest> page) {
			this.loader = loader;
			this.arguments = arguments;
			this.filter = filter;
			this.page = page;
		}

		@Override
		public Object get(DataFetchingEnvironment env) throws Exception {
			Identified parent = env.getSource();
			Key<F> asked = asked(env);
			return env.<Key<F>, Object>getDataLoader(this.loader)
				.load(new Key<>(parent.id(), asked.filter(), asked.page(), asked.withCount(), asked.fields()));
		}

		@Override
		public Batched.At at(Map<String, Object> arguments, List<graphql.language.Field> fields,
				Map<String, FragmentDefinition> fragments) throws BindException {
			Key<F> asked = asked(arguments, fields, fragments);
			return new Batched.At() {

				@Override
				public Object key(Object source) {
					return ((Identified) source).id();
				}

				@Override
				public Map<?, ?> load(DataLoaders.Loads loads, Set<Object> parents) {
					Set<Key<F>> keys = new LinkedHashSet<>();
					parents.forEach((parent) -> keys.add(new Key<>((Long) parent, asked.filter(), asked.page(),
							asked.withCount(), asked.fields())));
					Map<Key<F>, Object> pages = loads.load(Field.this.loader, keys);
					Map<Object, Object> byParent = new HashMap<>();
					pages.forEach((key, page) -> byParent.put(key.parent(), page));
					return byParent;
				}

			};
		}

		@SuppressWarnings("unchecked")
		private Key<F> asked(DataFetchingEnvironment env) throws BindException {
			Map<Place, Key<?>> known = env.getGraphQlContext().computeIfAbsent(ASKED, (key) -> new ConcurrentHashMap<>());
			Place place = new Place(this, env.getMergedField().getFields(), env.getArguments());
			Key<F> asked = (Key<F>) known.get(place);
			if (asked == null) {
				asked = asked(env.getArguments(), env.getMergedField().getFields(), env.getFragmentsByName());
				known.put(place, asked);
			}
			return asked;
		}

		/** What is asked at a place with these arguments and these fields merged: a key without its parent. */
		@SuppressWarnings("unchecked")
		private Key<F> asked(Map<String, Object> arguments, List<graphql.language.Field> fields,
				Map<String, FragmentDefinition> fragments) throws BindException {
			// kept by argument values: Spring's binder reads a record's components anew on every call
			A bound = (A) CachedArgumentsResolver.bind(arguments, this.arguments);
			return new Key<>(0, this.filter.apply(bound), this.page.apply(bound),
					Selections.asks(fields, fragments, Set.of("totalCount")), Selections.ofNodes(fields, fragments));
		}

	}

	/**
	 * A place a relation field is asked at: its fetcher, the document's fields merged there (compared
	 * by identity: the same fragment spread in two places merges with different siblings), and the
	 * argument values.
	 */
	private record Place(Field<?, ?> fetcher, List<graphql.language.Field> fields, Map<String, Object> arguments) {
	}

}
