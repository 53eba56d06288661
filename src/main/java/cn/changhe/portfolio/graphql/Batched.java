package cn.changhe.portfolio.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;

import org.springframework.validation.BindException;

/**
 * A data fetcher whose values for all the sources at one place of a document load together, in one
 * batch of its loader: the batch its DataLoader would run. {@link PlainFields} completes a root
 * field's answer level by level with it, each such place loaded once for all its rows.
 */
interface Batched {

	/**
	 * What the fetcher asks at one place of a document.
	 * @param arguments the field's arguments there, defaults applied
	 * @param fields the document's fields merged there
	 * @throws BindException where the arguments do not bind (graphql-java then fetches the field and
	 * reports it)
	 */
	At at(Map<String, Object> arguments, List<Field> fields, Map<String, FragmentDefinition> fragments)
			throws BindException;

	/** The fetcher at one place. */
	interface At {

		/** The key a source's value loads by; null where it has none, and its value is null. */
		Object key(Object source);

		/** The values of the keys, by key; a key missing has the value null. */
		Map<?, ?> load(DataLoaders.Loads loads, Set<Object> keys);

	}

}
