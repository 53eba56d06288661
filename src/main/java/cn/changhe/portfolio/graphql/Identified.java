package cn.changhe.portfolio.graphql;

/**
 * A record with a row id, which the schema shows as a global id on every {@code Node}.
 */
public interface Identified {

	long id();

}
