package cn.changhe.portfolio.investment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * One row of the investment ledger.
 */
public record Investment(long id, InvestmentKind kind, Money amount, int year, LocalDate date, Long projectId,
		Long enterpriseId, Long fundId, Long sectorId, String note, Provenance provenance, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, long version, OffsetDateTime deletedAt) implements Identified {
}
