package cn.changhe.portfolio.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A record with a row id, which the schema shows as a global id on every {@code Node}.
 */
public interface Identified {

	long id();

	/** The rows by their ids. */
	static <T extends Identified> Map<Long, T> byId(Collection<? extends T> rows) {
		Map<Long, T> byId = new HashMap<>();
		for (T row : rows) {
			byId.put(row.id(), row);
		}
		return byId;
	}

}
