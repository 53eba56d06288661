package cn.changhe.portfolio.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records a write in the audit trail, in the transaction of the write.
 */
@Component
public class Audit {

	private final JdbcClient jdbc;

	private final Actor actor;

	private final JsonMapper json;

	Audit(JdbcClient jdbc, Actor actor, JsonMapper json) {
		this.jdbc = jdbc;
		this.actor = actor;
		this.json = json;
	}

	/** The instant a write happens at: UTC, to the microsecond the DATETIME(6) columns keep. */
	public static LocalDateTime now() {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		return now.withNano(now.getNano() / 1000 * 1000);
	}

	/**
	 * Records, for one investor's partners only, that a record came into their sight: a row of their
	 * change feed alone, in no audit trail.
	 */
	public void recordFor(long investor, String entityType, long entityId, LocalDateTime at) {
		this.jdbc.sql("""
				INSERT INTO audit_log (entity_type, entity_id, action, actor, at, changes, audience)
				VALUES (?, ?, 'SCOPE_ENTERED', ?, ?, '{}', ?)""")
			.params(entityType, entityId, this.actor.current(), at, investor)
			.update();
	}

	public void record(String entityType, long entityId, String action, Changes changes, LocalDateTime at) {
		this.jdbc.sql("""
				INSERT INTO audit_log (entity_type, entity_id, action, actor, at, changes)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(entityType, entityId, action, this.actor.current(), at, this.json.writeValueAsString(changes.fields()))
			.update();
	}

}
