package cn.changhe.portfolio.graphql;

import java.util.Map;
import java.util.function.Function;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * A data fetcher that answers from its source and its field's arguments alone: no context, no side
 * effect, the same answer every time it is asked. {@link PlainFields} reads such fields without
 * graphql-java's per-field machinery. Where a source's value needs more (a to-one relation with a key
 * to load), {@link #get(Object, Map)} throws {@link NotPlain} and the field is fetched as usual.
 *
 * @param <T> what the field returns
 */
@FunctionalInterface
public interface PlainFetcher<T> extends TrivialDataFetcher<T> {

	/**
	 * The field's value.
	 * @param source the object the field is read from, never null
	 * @param arguments the field's arguments, defaults applied
	 * @throws NotPlain where this source's value needs more than the source (a row to load): the
	 * field is then fetched through {@link #get(DataFetchingEnvironment)}
	 */
	T get(Object source, Map<String, Object> arguments);

	/**
	 * This fetcher at one place of a document, whose arguments are the same for every source there:
	 * a fetcher that reads its arguments into something else (a unit, say) does it once here.
	 */
	default Function<Object, T> at(Map<String, Object> arguments) {
		return (source) -> get(source, arguments);
	}

	@Override
	default T get(DataFetchingEnvironment env) {
		return get(env.getSource(), env.getArguments());
	}

	/**
	 * Thrown where a value cannot be completed from its source alone; graphql-java then completes it.
	 * Without a stack trace, it costs little.
	 */
	final class NotPlain extends RuntimeException {

		/** The one instance: it carries nothing. */
		public static final NotPlain INSTANCE = new NotPlain();

		private NotPlain() {
			super("not plain", null, false, false);
		}

	}

}
