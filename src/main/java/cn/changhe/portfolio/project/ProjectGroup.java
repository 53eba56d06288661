package cn.changhe.portfolio.project;

import cn.changhe.portfolio.graphql.Money;

/**
 * One group of the project summary: its keys (null for dimensions not asked for) and measures. The
 * count is an {@code int}, as the schema's {@code Int} is.
 */
record ProjectGroup(ProjectStage stage, Long sectorId, SizeBand sizeBand, Boolean leading, Boolean emerging,
		Integer reachedYear, int count, Money totalInvestment) {

	/** The size bands of total investment the zone reports in, without overlap. */
	enum SizeBand {

		OVER_50_YI, OVER_10_YI, OVER_3_YI, UNDER_3_YI

	}

}
