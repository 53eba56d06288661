package cn.changhe.portfolio.enterprise;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which enterprises a client asks for; every given field narrows the list.
 */
record EnterpriseFilter(Qualification qualification, Integer qualifiedYear, List<String> sectorIds, Boolean leading,
		Boolean emerging, String nameContains, String uscc, OffsetDateTime updatedSince) {

	static final EnterpriseFilter NONE = new EnterpriseFilter(null, null, null, null, null, null, null, null);

}
