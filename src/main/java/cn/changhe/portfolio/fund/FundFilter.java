package cn.changhe.portfolio.fund;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which funds a client asks for; every given field narrows the list.
 */
record FundFilter(String nameContains, List<String> investorIds, List<String> managerIds, List<String> sectorIds,
		Integer vintageYearFrom, Integer vintageYearTo, OffsetDateTime updatedSince) {

	static final FundFilter NONE = new FundFilter(null, null, null, null, null, null, null);

}
