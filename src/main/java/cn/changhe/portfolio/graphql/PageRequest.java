package cn.changhe.portfolio.graphql;

/**
 * One page of a connection, as asked with {@code first}/{@code after} (forwards) or
 * {@code last}/{@code before} (backwards), in an ordering.
 *
 * @param size how many rows the page holds at most
 * @param backward whether the page is counted back from {@code before} (or from the end)
 * @param cursor the row the page starts after (forwards) or ends before (backwards), or null
 * @param sort what the connection is ordered by
 * @param direction the ordering's direction
 */
public record PageRequest(int size, boolean backward, Cursor cursor, SortKey sort, OrderDirection direction) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/**
	 * @throws InvalidInput naming the argument for a size out of range, both directions at once,
	 * or a cursor that is not of this ordering
	 */
	public static PageRequest of(Integer first, String after, Integer last, String before, SortKey sort,
			OrderDirection direction) {
		if (last == null && before == null) {
			return new PageRequest(size(first, "first"), false,
					(after != null) ? Cursor.decode(after, sort, "after") : null, sort, orDefault(direction));
		}
		if (first != null || after != null) {
			throw new InvalidInput((first != null) ? "first" : "after",
					"Page with `first`/`after` or with `last`/`before`, not both.");
		}
		return new PageRequest(size(last, "last"), true, (before != null) ? Cursor.decode(before, sort, "before") : null,
				sort, orDefault(direction));
	}

	private static int size(Integer requested, String argument) {
		int size = (requested != null) ? requested : DEFAULT_SIZE;
		if (size < 0 || size > MAX_SIZE) {
			throw new InvalidInput(argument,
					"`" + argument + "` must be between 0 and " + MAX_SIZE + ", was " + size + ".");
		}
		return size;
	}

	private static OrderDirection orDefault(OrderDirection direction) {
		return (direction != null) ? direction : OrderDirection.ASC;
	}

	/** Whether rows are read in descending order of the key: a backward page reads against its ordering. */
	boolean readsDescending() {
		return (this.direction == OrderDirection.DESC) != this.backward;
	}

}
