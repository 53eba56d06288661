package cn.changhe.portfolio.graphql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves a relation for a whole batch of parents with one load, for {@code @BatchMapping}.
 */
public final class Relations {

	private Relations() {
	}

	/**
	 * Each parent's related rows, loaded by the parents' ids and grouped by the parent id each row
	 * holds; in the order the load returns them.
	 */
	public static <P extends Identified, R> Map<P, List<R>> toMany(Collection<P> parents,
			Function<Collection<Long>, ? extends List<R>> load, Function<R, Long> parentId) {
		List<Long> ids = parents.stream().map(Identified::id).distinct().toList();
		Map<Long, List<R>> byParent = ids.isEmpty() ? Map.of()
				: load.apply(ids).stream().collect(Collectors.groupingBy(parentId));
		Map<P, List<R>> result = new LinkedHashMap<>();
		parents.forEach((parent) -> result.put(parent, byParent.getOrDefault(parent.id(), List.of())));
		return result;
	}

}
