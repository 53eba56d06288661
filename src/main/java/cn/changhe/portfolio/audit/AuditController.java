package cn.changhe.portfolio.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.OrderDirection;
import cn.changhe.portfolio.graphql.PageRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

@Controller
class AuditController {

	private static final Listing<AuditEntry> LISTING = new Listing<>(
			"a.id, a.entity_type, a.entity_id, a.action, a.actor, a.at, a.changes", "audit_log a", "a.id",
			(rs, row) -> new AuditEntry(rs.getLong("id"), rs.getString("entity_type"), rs.getLong("entity_id"),
					rs.getString("action"), rs.getString("actor"), Columns.utc(rs, "at"), rs.getString("changes")));

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditController(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Newest first. */
	@QueryMapping
	@PreAuthorize(Access.AUDIT)
	public Connection<AuditEntry> auditLog(@Argument String entityId, @Argument String actor, @Argument OffsetDateTime since,
			@Argument OffsetDateTime until, @Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before) {
		// rows addressed to a partner's change feed are not the audit trail's
		Conditions where = new Conditions().and("a.audience IS NULL");
		if (entityId != null) {
			GlobalId id = GlobalId.decode(entityId)
				.orElseThrow(() -> new cn.changhe.portfolio.graphql.InvalidInput("entityId", "`entityId` is not a valid id."));
			where.and("a.entity_type = ?", id.type()).and("a.entity_id = ?", id.key());
		}
		where.andIf(actor, "a.actor = ?");
		Filters.updatedSince(where, "a.at", since);
		if (until != null) {
			where.and("a.at < ?", Filters.utc(until));
		}
		PageRequest page = PageRequest.of(first, after, last, before, LISTING.byId(), OrderDirection.DESC);
		return Connection.of(LISTING.page(this.jdbc, where, page), page, () -> LISTING.count(this.jdbc, where));
	}

	@SchemaMapping(typeName = "AuditEntry")
	String entityId(AuditEntry entry) {
		return GlobalId.encode(entry.entityType(), entry.entityKey());
	}

	@SchemaMapping(typeName = "AuditEntry")
	Map<String, Object> changes(AuditEntry entry) {
		return this.json.readValue(entry.changesJson(), new TypeReference<Map<String, Object>>() {
		});
	}

}
