package cn.changhe.portfolio.investment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which ledger rows a client asks for; every given field narrows the list.
 */
record InvestmentFilter(List<InvestmentKind> kind, Integer yearFrom, Integer yearTo, String currency,
		List<String> sectorIds, List<String> fundIds, List<String> enterpriseIds, List<String> projectIds,
		OffsetDateTime updatedSince) {

	static final InvestmentFilter NONE = new InvestmentFilter(null, null, null, null, null, null, null, null, null);

	/** The same filter, for fund equity only. */
	InvestmentFilter fundEquity() {
		return new InvestmentFilter(List.of(InvestmentKind.FUND_EQUITY), this.yearFrom, this.yearTo, this.currency,
				this.sectorIds, this.fundIds, this.enterpriseIds, this.projectIds, this.updatedSince);
	}

}
