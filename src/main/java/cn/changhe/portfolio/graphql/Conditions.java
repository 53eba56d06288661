package cn.changhe.portfolio.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a filtered query, built from fixed SQL fragments with every value a bound
 * parameter; filters compose with AND.
 */
public final class Conditions {

	private final List<String> clauses = new ArrayList<>();

	private final List<Object> parameters = new ArrayList<>();

	/** Adds a fixed SQL fragment with its {@code ?} parameters. */
	public Conditions and(String clause, Object... values) {
		this.clauses.add(clause);
		this.parameters.addAll(List.of(values));
		return this;
	}

	/** Adds the fragment only where the value was given. */
	public Conditions andIf(Object value, String clause) {
		return (value != null) ? and(clause, value) : this;
	}

	/** Adds {@code column IN (?, ...)} for a non-empty list of values. */
	public Conditions andIn(String column, java.util.Collection<?> values) {
		if (values.isEmpty()) {
			return and("1 = 0");
		}
		String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
		return and(column + " IN (" + marks + ")", values.toArray());
	}

	/** These conditions and the other's, as a new set; neither is changed. */
	public Conditions with(Conditions other) {
		Conditions both = new Conditions();
		both.clauses.addAll(this.clauses);
		both.parameters.addAll(this.parameters);
		both.clauses.addAll(other.clauses);
		both.parameters.addAll(other.parameters);
		return both;
	}

	public String where() {
		return this.clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", this.clauses);
	}

	public List<Object> parameters() {
		return List.copyOf(this.parameters);
	}

}
