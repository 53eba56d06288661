package cn.changhe.portfolio.graphql;

/**
 * Ascending or descending; ties are always broken by id in the same direction.
 */
public enum OrderDirection {

	ASC, DESC

}
