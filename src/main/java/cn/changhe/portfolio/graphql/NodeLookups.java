package cn.changhe.portfolio.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Every feature's {@link NodeLookup}, by the GraphQL type it answers: what {@code node(id)}, the
 * change feed and the mutations' payloads find records through.
 */
@Component
public class NodeLookups {

	private final Map<String, NodeLookup> byType;

	NodeLookups(List<NodeLookup> lookups) {
		this.byType = lookups.stream().collect(Collectors.toMap(NodeLookup::type, Function.identity()));
	}

	/** The lookup of the type, or null where no feature answers it. */
	public NodeLookup of(String type) {
		return this.byType.get(type);
	}

}
