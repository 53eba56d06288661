package cn.changhe.portfolio.security;

import java.time.OffsetDateTime;

import cn.changhe.portfolio.graphql.Identified;

/**
 * An API client as administrators see it; its token is never stored, only its hash.
 */
record ApiClient(long id, String name, Role role, Long investorId, OffsetDateTime createdAt, OffsetDateTime revokedAt,
		long version) implements Identified {
}
