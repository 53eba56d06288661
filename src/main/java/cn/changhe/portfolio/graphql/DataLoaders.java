package cn.changhe.portfolio.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * The batch loaders of the API, and each request's DataLoaders, made the first time a field of the
 * request asks for one: a request that reads no relation makes none, and one that reads a relation
 * makes only its loader, where registering every loader up front would cost each request some
 * thirty loaders, their maps and their dispatches.
 *
 * <p>A batch runs on the thread that dispatches it, within the request, so it sees the request's
 * viewer. DataLoaders keep no cache across batches: a batch still loads each key once, but a value
 * one root mutation read is never served again to a later mutation of the same document after a
 * write in between.
 *
 * <p>A value read along with something else (a project's milestones joined to the project) can be
 * given to the request instead ({@link #prime}): the fetcher that would load it takes it once
 * ({@link #take}), and a second fetch of it loads as usual.
 */
@Component
public class DataLoaders implements WebGraphQlInterceptor {

	private static final DataLoaderOptions OPTIONS = DataLoaderOptions.newOptions().setCachingEnabled(false).build();

	private final Map<String, Function<Set<?>, Map<?, ?>>> batches = new ConcurrentHashMap<>();

	/** With a loader, under its type's name, of the rows of each type {@code node(id)} finds ({@link ByKey#one}). */
	DataLoaders(List<NodeLookup> lookups) {
		lookups.forEach((lookup) -> ByKey.rows(this, lookup));
	}

	/**
	 * Registers a batch loader under a name, the name a field's fetcher (or a controller parameter of
	 * type {@code DataLoader}) asks for.
	 * @param load the values of a batch of keys; a key missing from the map resolves to null
	 */
	@SuppressWarnings("unchecked")
	public <K, V> void register(String name, Function<Set<K>, Map<K, V>> load) {
		if (this.batches.putIfAbsent(name, (keys) -> load.apply((Set<K>) keys)) != null) {
			throw new IllegalStateException("Two batch loaders are named " + name);
		}
	}

	/** Loads a batch of keys at once, on this thread, with the loader registered under a name. */
	interface Loads {

		/** The values of the keys, as the loader's DataLoader would load them in one batch. */
		<K, V> Map<K, V> load(String name, Set<K> keys);

	}

	/**
	 * How {@link PlainFields} loads the relations of all the rows at one place of a document together,
	 * without a DataLoader. In a request of this API it is the request's registry, which keeps what
	 * it loaded, and how a batch failed: where graphql-java completes the fields after all (a value
	 * the shortcut does not handle), their DataLoaders take those values, or that failure, rather
	 * than going to the database again.
	 */
	Loads loads(DataLoaderRegistry registry) {
		return (registry instanceof Registry ours) ? ours : new Loads() {

			@Override
			public <K, V> Map<K, V> load(String name, Set<K> keys) {
				return loadNow(name, keys);
			}

		};
	}

	@SuppressWarnings("unchecked")
	private <K, V> Map<K, V> loadNow(String name, Set<K> keys) {
		Function<Set<?>, Map<?, ?>> load = this.batches.get(name);
		if (load == null) {
			throw new IllegalStateException("No batch loader is named " + name);
		}
		return (Map<K, V>) load.apply(keys);
	}

	/**
	 * Gives the request the value a loader would load for a key, read with something else: the
	 * next fetcher to ask that loader for that key takes it without a load.
	 */
	static void prime(DataFetchingEnvironment env, String name, Object key, Object value) {
		if (env.getDataLoaderRegistry() instanceof Registry registry) {
			registry.primed.computeIfAbsent(name, (loader) -> new ConcurrentHashMap<>()).put(key, value);
		}
	}

	/** The value primed for a loader's key, taken so that nobody takes it again; null where none is. */
	static Object take(DataFetchingEnvironment env, String name, Object key) {
		if (env.getDataLoaderRegistry() instanceof Registry registry && !registry.primed.isEmpty()) {
			Map<Object, Object> values = registry.primed.get(name);
			return (values != null) ? values.remove(key) : null;
		}
		return null;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		request.configureExecutionInput((input, builder) -> builder.dataLoaderRegistry(new Registry()).build());
		return chain.next(request);
	}

	/**
	 * One request's DataLoaders: those of {@code @BatchMapping}s, registered up front, and the others
	 * on demand; and what was loaded without them ({@link Loads}), by loader and key.
	 */
	private final class Registry extends DataLoaderRegistry implements Loads {

		/** A key loaded whose value is null. */
		private static final Object NULL = new Object();

		private final Map<String, Map<Object, Object>> primed = new ConcurrentHashMap<>();

		/** The values loaded without a DataLoader, or the failure of the batch they were in. */
		private final Map<String, Map<Object, Object>> loaded = new ConcurrentHashMap<>();

		@Override
		public <K, V> Map<K, V> load(String name, Set<K> keys) {
			Map<Object, Object> known = this.loaded.computeIfAbsent(name, (loader) -> new ConcurrentHashMap<>());
			try {
				Map<K, V> values = loadNow(name, keys);
				keys.forEach((key) -> known.put(key, values.containsKey(key) ? nullable(values.get(key)) : NULL));
				return values;
			}
			catch (RuntimeException ex) {
				keys.forEach((key) -> known.put(key, new Failed(ex)));
				throw ex;
			}
		}

		private static Object nullable(Object value) {
			return (value != null) ? value : NULL;
		}

		@Override
		public <K, V> DataLoader<K, V> getDataLoader(String name) {
			DataLoader<K, V> made = super.getDataLoader(name);
			if (made != null) {
				return made;
			}
			if (!DataLoaders.this.batches.containsKey(name)) {
				return null;
			}
			MappedBatchLoader<K, V> loader = (keys) -> loadedOr(name, keys);
			return computeIfAbsent(name, (key) -> DataLoaderFactory.newMappedDataLoader(loader, OPTIONS));
		}

		/**
		 * The batch's values: those loaded already where all of them were (or their batch's failure),
		 * else the batch loaded.
		 */
		@SuppressWarnings("unchecked")
		private <K, V> CompletionStage<Map<K, V>> loadedOr(String name, Set<K> keys) {
			Map<Object, Object> known = this.loaded.get(name);
			if (known == null || !known.keySet().containsAll(keys)) {
				try {
					return CompletableFuture.completedFuture(loadNow(name, keys));
				}
				catch (RuntimeException ex) {
					return CompletableFuture.failedFuture(ex);
				}
			}
			Map<K, V> values = new HashMap<>();
			for (K key : keys) {
				Object value = known.get(key);
				if (value instanceof Failed failed) {
					return CompletableFuture.failedFuture(failed.cause());
				}
				if (value != NULL) {
					values.put(key, (V) value);
				}
			}
			return CompletableFuture.completedFuture(values);
		}

	}

	/** How a batch loaded without a DataLoader failed. */
	private record Failed(RuntimeException cause) {
	}

}
