package cn.changhe.portfolio.graphql;

/**
 * Where a record comes from: REPORTED with its source, or ILLUSTRATIVE.
 */
public record Provenance(Kind kind, String source) {

	public enum Kind {

		REPORTED, ILLUSTRATIVE

	}

}
