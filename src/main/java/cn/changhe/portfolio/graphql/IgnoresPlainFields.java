package cn.changhe.portfolio.graphql;

/**
 * Marks an instrumentation that does nothing for a field whose data fetcher is trivial, so that
 * {@link PlainFields} may complete plain fields without its per-field calls.
 */
public interface IgnoresPlainFields {

}
