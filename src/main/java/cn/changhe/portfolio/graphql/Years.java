package cn.changhe.portfolio.graphql;

/**
 * The years an argument may name: wide enough for any record, narrow enough to catch a typo.
 */
public final class Years {

	public static final int MIN = 1949;

	public static final int MAX = 2100;

	private Years() {
	}

	/**
	 * The year, or null where none was given.
	 * @throws InvalidInput naming the field when the year is out of range
	 */
	public static Integer check(Integer year, String field) {
		if (year != null && (year < MIN || year > MAX)) {
			throw new InvalidInput(field,
					"`" + field + "` must be a year between " + MIN + " and " + MAX + ", was " + year + ".");
		}
		return year;
	}

}
