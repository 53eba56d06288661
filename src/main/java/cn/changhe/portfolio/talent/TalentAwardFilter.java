package cn.changhe.portfolio.talent;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which talent awards a client asks for; every given field narrows the list.
 */
record TalentAwardFilter(List<String> programmeIds, Integer yearFrom, Integer yearTo, List<String> enterpriseIds,
		List<String> projectIds, OffsetDateTime updatedSince) {

	static final TalentAwardFilter NONE = new TalentAwardFilter(null, null, null, null, null, null);

	/** The same filter, for one year only. */
	TalentAwardFilter inYear(Integer year) {
		return (year == null) ? this
				: new TalentAwardFilter(this.programmeIds, year, year, this.enterpriseIds, this.projectIds,
						this.updatedSince);
	}

}
