package cn.changhe.portfolio.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * An enterprise in the zone, identified by its unified social credit code.
 */
public record Enterprise(long id, String uscc, String name, String nameEn, Long sectorId, LocalDate establishedOn,
		Provenance provenance, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
		OffsetDateTime deletedAt) implements Identified {
}
