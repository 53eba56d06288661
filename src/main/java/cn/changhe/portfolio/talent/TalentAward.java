package cn.changhe.portfolio.talent;

import java.time.OffsetDateTime;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * An award of a talent programme, to a person or a talent project.
 */
public record TalentAward(long id, long programmeId, int year, String title, String personName, Long enterpriseId,
		Long projectId, Money grant, Provenance provenance, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		long version) implements Identified {
}
