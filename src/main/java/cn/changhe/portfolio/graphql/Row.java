package cn.changhe.portfolio.graphql;

/**
 * A row of a listing with the value it was ordered by, and the parent it was listed for (in a
 * batch of relations).
 */
public record Row<T>(T node, Object sortValue, long parent) {
}
