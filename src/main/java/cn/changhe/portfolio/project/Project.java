package cn.changhe.portfolio.project;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * An investment project, at the latest stage it has reached.
 */
public record Project(long id, String name, String nameEn, long enterpriseId, long sectorId, Money totalInvestment,
		Money foreignInvestment, BigDecimal landAreaMu, boolean provincialMajor, boolean reclaimedLand,
		ProjectStage stage, Provenance provenance, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
		OffsetDateTime deletedAt)
		implements Identified {
}
