package cn.changhe.portfolio.graphql;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;

/**
 * How {@code node(id)} finds the objects of one type: each feature's repository offers its own.
 */
public interface NodeLookup {

	/** The GraphQL type name whose ids this lookup answers. */
	String type();

	/** The objects with these row ids that exist, in any order. */
	List<? extends Identified> findAllById(Collection<Long> ids);

	/**
	 * The objects with these row ids that exist, in any order, for a field that selects these fields
	 * of them (named through fragments of any type, so perhaps fields of other types too). A lookup
	 * may read only the columns those fields need, and read what a relation among them would load
	 * in the same statement, giving it to the request ({@link DataLoaders#prime}).
	 */
	default List<? extends Identified> findAllById(Collection<Long> ids, Set<String> fields,
			DataFetchingEnvironment env) {
		return findAllById(ids);
	}

}
