package cn.changhe.portfolio.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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

	private final Map<String, MappedBatchLoader<?, ?>> loaders = new ConcurrentHashMap<>();

	/** With a loader, under its type's name, of the rows of each type {@code node(id)} finds ({@link ByKey#one}). */
	DataLoaders(List<NodeLookup> lookups) {
		lookups.forEach((lookup) -> ByKey.rows(this, lookup));
	}

	/**
	 * Registers a batch loader under a name, the name a field's fetcher (or a controller parameter of
	 * type {@code DataLoader}) asks for.
	 * @param load the values of a batch of keys; a key missing from the map resolves to null
	 */
	public <K, V> void register(String name, Function<Set<K>, Map<K, V>> load) {
		MappedBatchLoader<K, V> loader = (keys) -> {
			try {
				return CompletableFuture.completedFuture(load.apply(keys));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		};
		if (this.loaders.putIfAbsent(name, loader) != null) {
			throw new IllegalStateException("Two batch loaders are named " + name);
		}
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

	/** One request's DataLoaders: those of {@code @BatchMapping}s, registered up front, and the others on demand. */
	private final class Registry extends DataLoaderRegistry {

		private final Map<String, Map<Object, Object>> primed = new ConcurrentHashMap<>();

		@Override
		@SuppressWarnings("unchecked")
		public <K, V> DataLoader<K, V> getDataLoader(String name) {
			DataLoader<K, V> made = super.getDataLoader(name);
			if (made != null) {
				return made;
			}
			MappedBatchLoader<K, V> loader = (MappedBatchLoader<K, V>) DataLoaders.this.loaders.get(name);
			if (loader == null) {
				return null;
			}
			return computeIfAbsent(name, (key) -> DataLoaderFactory.newMappedDataLoader(loader, OPTIONS));
		}

	}

}
