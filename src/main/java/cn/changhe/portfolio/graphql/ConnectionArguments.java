package cn.changhe.portfolio.graphql;

/**
 * The arguments of a field that lists a type: its filter and its page.
 *
 * @param <F> the filter
 */
public interface ConnectionArguments<F> extends Paging {

	/** The filter asked for, or the one that finds every row. */
	F filterOrNone();

	/** The page asked for, in the ordering asked for. */
	PageRequest page();

}
