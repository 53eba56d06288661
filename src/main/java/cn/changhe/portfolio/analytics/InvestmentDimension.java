package cn.changhe.portfolio.analytics;

/**
 * A dimension of the investment ledger to group by.
 */
enum InvestmentDimension {

	SECTOR, YEAR, KIND, FUND, ENTERPRISE, PROJECT_STAGE;

	/** The column's alias in the result, named for the dimension. */
	String alias() {
		return "k_" + name().toLowerCase(java.util.Locale.ROOT);
	}

}
