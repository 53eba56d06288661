package cn.changhe.portfolio.project;

import java.time.OffsetDateTime;
import java.util.List;

import cn.changhe.portfolio.graphql.MoneyInput;

/**
 * Which projects a client asks for; every given field narrows the list.
 */
record ProjectFilter(StageReached reached, List<ProjectStage> stage, MoneyInput minTotalInvestment,
		MoneyInput maxTotalInvestment, Boolean provincialMajor, Boolean reclaimedLand, StallFilter stall,
		List<String> sectorIds, List<String> enterpriseIds, Boolean leading, Boolean emerging, String nameContains,
		OffsetDateTime updatedSince) {

	static final ProjectFilter NONE = new ProjectFilter(null, null, null, null, null, null, null, null, null, null,
			null, null, null);

	/** A stage reached during a year. */
	record StageReached(ProjectStage stage, int year) {
	}

	/** Which 五未 listings count. */
	record StallFilter(Boolean listed, Integer clearedYear, StallCategory category) {
	}

}
