package cn.changhe.portfolio.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changhe.portfolio.security.Access;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Fetches any object again by its global id. A malformed id is the client's error; an id of a
 * type or row that does not exist is null.
 */
@Controller
class NodeController {

	private static final int MAX_IDS = 100;

	private final NodeLookups lookups;

	NodeController(NodeLookups lookups) {
		this.lookups = lookups;
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public Identified node(@Argument String id, DataFetchingEnvironment env) {
		GlobalId globalId = GlobalId.decode(id).orElseThrow(() -> new InvalidInput("id", "`id` is not a valid id."));
		return find(List.of(globalId), env).get(globalId);
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public List<Identified> nodes(@Argument List<String> ids, DataFetchingEnvironment env) {
		if (ids.size() > MAX_IDS) {
			throw new InvalidInput("ids", "`ids` may hold at most " + MAX_IDS + " ids, had " + ids.size() + ".");
		}
		List<GlobalId> globalIds = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			int index = i;
			globalIds.add(GlobalId.decode(ids.get(i))
				.orElseThrow(() -> new InvalidInput("ids", "`ids[" + index + "]` is not a valid id.")));
		}
		Map<GlobalId, Identified> found = find(globalIds, env);
		return globalIds.stream().map(found::get).toList();
	}

	/** One query per type, however many ids, reading what the selection needs. */
	private Map<GlobalId, Identified> find(List<GlobalId> ids, DataFetchingEnvironment env) {
		Map<String, List<Long>> keysByType = new LinkedHashMap<>();
		for (GlobalId id : ids) {
			keysByType.computeIfAbsent(id.type(), (type) -> new ArrayList<>()).add(id.key());
		}
		Map<GlobalId, Identified> found = new HashMap<>();
		Set<String> fields = Selections.of(env);
		keysByType.forEach((type, keys) -> {
			NodeLookup lookup = this.lookups.of(type);
			if (lookup != null) {
				lookup.findAllById(keys, fields, env).forEach((node) -> found.put(new GlobalId(type, node.id()), node));
			}
		});
		return found;
	}

}
