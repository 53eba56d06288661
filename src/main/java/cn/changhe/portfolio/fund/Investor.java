package cn.changhe.portfolio.fund;

import java.time.OffsetDateTime;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * An investor in the zone's funds (出资人).
 */
public record Investor(long id, String name, String nameEn, Type type, Provenance provenance,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Identified {

	public enum Type {

		INSTITUTION, GOVERNMENT, CORPORATE, BANK, OTHER

	}

}
