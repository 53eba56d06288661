package cn.changhe.portfolio.graphql;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * One page of a Relay connection. The total is counted only when a client asks for it.
 */
public final class Connection<T extends Identified> {

	private final List<Row<T>> rows;

	private final PageRequest page;

	private final boolean hasNextPage;

	private final boolean hasPreviousPage;

	private final LongSupplier totalCount;

	private Connection(List<Row<T>> rows, PageRequest page, boolean hasNextPage, boolean hasPreviousPage,
			LongSupplier totalCount) {
		this.rows = rows;
		this.page = page;
		this.hasNextPage = hasNextPage;
		this.hasPreviousPage = hasPreviousPage;
		this.totalCount = totalCount;
	}

	/**
	 * The page of rows read with one more than the page holds, in the order they were read.
	 */
	public static <T extends Identified> Connection<T> of(List<Row<T>> rowsPlusOne, PageRequest page,
			LongSupplier totalCount) {
		boolean more = rowsPlusOne.size() > page.size();
		List<Row<T>> rows = Listing.inConnectionOrder(more ? rowsPlusOne.subList(0, page.size()) : rowsPlusOne, page);
		boolean fromCursor = page.cursor() != null;
		return page.backward() ? new Connection<>(rows, page, fromCursor, more, totalCount)
				: new Connection<>(rows, page, more, fromCursor, totalCount);
	}

	public List<T> getNodes() {
		return this.rows.stream().map(Row::node).toList();
	}

	public List<Edge<T>> getEdges() {
		return this.rows.stream().map((row) -> new Edge<>(cursor(row), row.node())).toList();
	}

	public PageInfo getPageInfo() {
		String start = this.rows.isEmpty() ? null : cursor(this.rows.get(0));
		String end = this.rows.isEmpty() ? null : cursor(this.rows.get(this.rows.size() - 1));
		return new PageInfo(this.hasNextPage, this.hasPreviousPage, start, end);
	}

	public long getTotalCount() {
		return this.totalCount.getAsLong();
	}

	private String cursor(Row<T> row) {
		SortKey sort = this.page.sort();
		return new Cursor(sort.name(), row.sortValue(), row.node().id()).encode(sort.kind());
	}

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
