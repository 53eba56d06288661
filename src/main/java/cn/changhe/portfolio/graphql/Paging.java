package cn.changhe.portfolio.graphql;

/**
 * The paging arguments every connection field takes: {@code first}/{@code after} forwards,
 * {@code last}/{@code before} backwards.
 */
public interface Paging {

	Integer first();

	String after();

	Integer last();

	String before();

	default PageRequest page(SortKey sort, OrderDirection direction) {
		return PageRequest.of(first(), after(), last(), before(), sort, direction);
	}

}
