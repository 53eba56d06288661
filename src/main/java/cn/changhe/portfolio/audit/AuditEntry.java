package cn.changhe.portfolio.audit;

import java.time.OffsetDateTime;

import cn.changhe.portfolio.graphql.Identified;

/**
 * One write in the audit trail.
 */
record AuditEntry(long id, String entityType, long entityKey, String action, String actor, OffsetDateTime at,
		String changesJson) implements Identified {
}
