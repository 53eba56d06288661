package cn.changhe.portfolio.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

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

	private Relation() {
	}

	/** Registers the relation's loader under a name, the name of the controller parameter that uses it. */
	public static <F, T extends Identified> void register(DataLoaders loaders, String name, Source<F, T> source) {
		loaders.<Key<F>, Connection<T>>register(name, (keys) -> load(keys, source));
	}

	/** Asks the loader for one parent's page; the loader runs once for the whole batch. */
	public static <F, T extends Identified> CompletableFuture<Connection<T>> load(DataLoader<Key<F>, Connection<T>> loader,
			long parent, F filter, PageRequest page, DataFetchingEnvironment env) {
		return loader.load(new Key<>(parent, filter, page, Selections.asks(env, "totalCount"),
				Selections.ofNodes(env)));
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

}
