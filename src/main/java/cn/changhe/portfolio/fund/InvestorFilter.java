package cn.changhe.portfolio.fund;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which investors a client asks for; every given field narrows the list.
 */
record InvestorFilter(String nameContains, List<Investor.Type> type, OffsetDateTime updatedSince) {

	static final InvestorFilter NONE = new InvestorFilter(null, null, null);

}
