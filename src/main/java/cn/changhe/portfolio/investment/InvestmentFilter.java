package cn.changhe.portfolio.investment;

import java.util.List;

/**
 * Which ledger rows a client asks for; every given field narrows the list.
 */
record InvestmentFilter(List<InvestmentKind> kind, Integer yearFrom, Integer yearTo, String currency,
		List<String> sectorIds, List<String> fundIds, List<String> enterpriseIds, List<String> projectIds) {

	static final InvestmentFilter NONE = new InvestmentFilter(null, null, null, null, null, null, null, null);

}
