package cn.changhe.portfolio.fund;

import java.time.OffsetDateTime;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * An industry fund (产业基金).
 */
public record Fund(long id, String name, String nameEn, Money size, int vintageYear, Long managerId,
		Provenance provenance, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Identified {
}
