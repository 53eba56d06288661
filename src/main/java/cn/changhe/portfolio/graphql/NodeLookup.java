package cn.changhe.portfolio.graphql;

import java.util.Collection;
import java.util.List;

/**
 * How {@code node(id)} finds the objects of one type: each feature's repository offers its own.
 */
public interface NodeLookup {

	/** The GraphQL type name whose ids this lookup answers. */
	String type();

	/** The objects with these row ids that exist, in any order. */
	List<? extends Identified> findAllById(Collection<Long> ids);

}
