package cn.changhe.portfolio.graphql;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * One page of a Relay connection. The total is counted only when a client asks for it.
 */
public final class Connection<T extends Identified> {

	private final List<T> nodes;

	private final boolean hasNextPage;

	private final boolean hasPreviousPage;

	private final LongSupplier totalCount;

	private Connection(List<T> nodes, boolean hasNextPage, boolean hasPreviousPage, LongSupplier totalCount) {
		this.nodes = nodes;
		this.hasNextPage = hasNextPage;
		this.hasPreviousPage = hasPreviousPage;
		this.totalCount = totalCount;
	}

	/**
	 * The page of a query that fetched one row more than the page holds, to learn whether there is
	 * a next page.
	 */
	public static <T extends Identified> Connection<T> of(List<T> rowsPlusOne, Page page, LongSupplier totalCount) {
		boolean hasNext = rowsPlusOne.size() > page.size();
		List<T> nodes = hasNext ? rowsPlusOne.subList(0, page.size()) : rowsPlusOne;
		return new Connection<>(List.copyOf(nodes), hasNext, page.afterId() != null, totalCount);
	}

	public List<T> getNodes() {
		return this.nodes;
	}

	public List<Edge<T>> getEdges() {
		return this.nodes.stream().map((node) -> new Edge<>(Page.cursor(node.id()), node)).toList();
	}

	public PageInfo getPageInfo() {
		String start = this.nodes.isEmpty() ? null : Page.cursor(this.nodes.get(0).id());
		String end = this.nodes.isEmpty() ? null : Page.cursor(this.nodes.get(this.nodes.size() - 1).id());
		return new PageInfo(this.hasNextPage, this.hasPreviousPage, start, end);
	}

	public long getTotalCount() {
		return this.totalCount.getAsLong();
	}

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
