package cn.changhe.portfolio.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.changhe.portfolio.changes.Feed;
import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.security.Client;
import cn.changhe.portfolio.security.Role;
import cn.changhe.portfolio.security.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Webhooks and their deliveries, as administrators read them and as the dispatcher plans, claims and
 * settles them.
 */
@Repository
class WebhookRepository implements NodeLookup {

	/** A webhook as administrators see it (its secret never again). */
	record Webhook(long id, long clientId, String url, OffsetDateTime createdAt, String state, String cursor,
			long version) implements Identified {
	}

	/** One delivery: a batch of the client's feed, and how its sending went. */
	record WebhookDelivery(String id, String state, int changes, String afterCursor, String endCursor, int attempts,
			OffsetDateTime createdAt, OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt,
			OffsetDateTime deliveredAt, Integer lastStatus, String lastError) {
	}

	/** A webhook with nothing pending, whose client's feed may hold more for it. */
	record Idle(long id, long afterSeq, Client client) {
	}

	/** What an attempt sends. */
	record Attempt(long id, long webhookId, String url, String secret, String body, int attempts) {
	}

	private static final String WEBHOOKS = """
			SELECT w.id, w.client_id, w.url, w.created_at, w.after_seq, w.version,
			  CASE WHEN c.revoked_at IS NOT NULL THEN 'CLIENT_REVOKED'
			    WHEN EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.state = 'DEAD') THEN 'STOPPED'
			    ELSE 'ACTIVE' END AS state
			FROM webhook w JOIN api_client c ON c.id = w.client_id
			WHERE w.deleted_at IS NULL""";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "Webhook";
	}

	/** Webhooks are for administrators' eyes only, whichever way they are asked for. */
	@Override
	public List<Webhook> findAllById(Collection<Long> ids) {
		if (!admin() || ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(WEBHOOKS + " AND w.id IN (:ids)").param("ids", ids).query(WebhookRepository::webhook).list();
	}

	static boolean admin() {
		return Viewer.client().filter((c) -> c.role() == Role.ADMIN).isPresent();
	}

	List<Webhook> all() {
		return this.jdbc.sql(WEBHOOKS + " ORDER BY w.id").query(WebhookRepository::webhook).list();
	}

	/** The webhook's latest deliveries, newest first. */
	List<WebhookDelivery> deliveries(long webhookId, int first) {
		return this.jdbc.sql("SELECT * FROM webhook_delivery WHERE webhook_id = ? ORDER BY id DESC LIMIT ?")
			.params(webhookId, first)
			.query(WebhookRepository::delivery)
			.list();
	}

	Optional<WebhookDelivery> delivery(long id) {
		return this.jdbc.sql("SELECT * FROM webhook_delivery WHERE id = ?").param(id).query(WebhookRepository::delivery).optional();
	}

	/** The state of a live webhook's delivery, locked. */
	Optional<String> lockDelivery(long id) {
		return this.jdbc.sql("""
				SELECT d.state FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
				WHERE d.id = ? AND w.deleted_at IS NULL FOR UPDATE""").param(id).query(String.class).optional();
	}

	/** Whether the client exists and is not revoked. */
	boolean clientLive(long clientId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM api_client WHERE id = ? AND revoked_at IS NULL").param(clientId)
			.query(Long.class).single() > 0;
	}

	long insert(long clientId, String url, String secret, long afterSeq, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO webhook (client_id, url, secret, after_seq, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, 0)""")
			.params(clientId, url, secret, afterSeq, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The live webhook's version, locked. */
	Optional<Long> lockVersion(long id) {
		return this.jdbc.sql("SELECT version FROM webhook WHERE id = ? AND deleted_at IS NULL FOR UPDATE").param(id)
			.query(Long.class).optional();
	}

	void delete(long id, LocalDateTime now) {
		this.jdbc.sql("UPDATE webhook SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(now, now, id).update();
	}

	/** Sends a dead delivery again, from its first attempt. */
	void replay(long id, LocalDateTime now) {
		this.jdbc.sql("UPDATE webhook_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ?, lease_owner = NULL, "
				+ "lease_until = NULL WHERE id = ?").params(now, id).update();
	}

	// The dispatcher's side

	/** Live webhooks of live clients with no delivery pending or dead, behind the feed's end; or the one named. */
	List<Idle> idle(long end, Long only) {
		return this.jdbc.sql("""
				SELECT w.id, w.after_seq, c.id AS client_id, c.name, c.role, c.investor_id
				FROM webhook w JOIN api_client c ON c.id = w.client_id
				WHERE w.deleted_at IS NULL AND c.revoked_at IS NULL AND w.after_seq < ? AND (? IS NULL OR w.id = ?)
				  AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.state IN ('PENDING', 'DEAD'))
				ORDER BY w.id""")
			.params(end, only, only)
			.query((rs, n) -> {
				long investor = rs.getLong("investor_id");
				Long investorId = rs.wasNull() ? null : investor;
				return new Idle(rs.getLong("id"), rs.getLong("after_seq"), new Client(rs.getLong("client_id"),
						rs.getString("name"), Role.valueOf(rs.getString("role")), investorId));
			})
			.list();
	}

	/** Moves the webhook's position from where it was planned to; false if another instance moved it first. */
	boolean advance(long id, long from, long to) {
		return this.jdbc.sql("UPDATE webhook SET after_seq = ? WHERE id = ? AND after_seq = ? AND deleted_at IS NULL")
			.params(to, id, from).update() == 1;
	}

	long insertDelivery(long webhookId, long afterSeq, long endSeq, int changes, String body, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO webhook_delivery (webhook_id, after_seq, end_seq, changes, body, state, attempts, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(webhookId, afterSeq, endSeq, changes, body, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Pending deliveries of live webhooks due now and held by no one, oldest first. */
	List<Long> due(LocalDateTime now, int limit) {
		return this.jdbc.sql("""
				SELECT d.id FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
				WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?)
				  AND w.deleted_at IS NULL
				ORDER BY d.id LIMIT ?""")
			.params(now, now, limit)
			.query(Long.class)
			.list();
	}

	/** Takes the delivery's lease for this instance; false if another holds it or it is no longer due. */
	boolean claim(long id, String owner, LocalDateTime now, LocalDateTime until) {
		return this.jdbc.sql("""
				UPDATE webhook_delivery SET lease_owner = ?, lease_until = ?
				WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)""")
			.params(owner, until, id, now, now)
			.update() == 1;
	}

	Optional<Attempt> attempt(long id, String owner) {
		return this.jdbc.sql("""
				SELECT d.id, d.webhook_id, w.url, w.secret, d.body, d.attempts FROM webhook_delivery d
				JOIN webhook w ON w.id = d.webhook_id
				WHERE d.id = ? AND d.lease_owner = ? AND d.state = 'PENDING' AND w.deleted_at IS NULL""")
			.params(id, owner)
			.query((rs, n) -> new Attempt(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getInt(6)))
			.optional();
	}

	/** Settles an attempt this instance made while it held the lease. */
	void settle(long id, String owner, String state, int attempts, Integer status, String error, LocalDateTime at,
			LocalDateTime next) {
		this.jdbc.sql("""
				UPDATE webhook_delivery SET state = ?, attempts = ?, last_status = ?, last_error = ?, last_attempt_at = ?,
				  next_attempt_at = ?, delivered_at = CASE WHEN ? = 'DELIVERED' THEN ? ELSE NULL END,
				  lease_owner = NULL, lease_until = NULL
				WHERE id = ? AND lease_owner = ?""")
			.params(state, attempts, status, error, at, next, state, at, id, owner)
			.update();
	}

	/** Forgets delivered batches delivered before the instant. */
	void forget(LocalDateTime before) {
		this.jdbc.sql("DELETE FROM webhook_delivery WHERE state = 'DELIVERED' AND delivered_at < ?").param(before).update();
	}

	private static Webhook webhook(ResultSet rs, int row) throws SQLException {
		return new Webhook(rs.getLong("id"), rs.getLong("client_id"), rs.getString("url"), Columns.utc(rs, "created_at"),
				rs.getString("state"), Feed.cursor(rs.getLong("after_seq")), rs.getLong("version"));
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		int status = rs.getInt("last_status");
		Integer lastStatus = rs.wasNull() ? null : status;
		return new WebhookDelivery(GlobalId.encode("WebhookDelivery", rs.getLong("id")), rs.getString("state"),
				rs.getInt("changes"), Feed.cursor(rs.getLong("after_seq")), Feed.cursor(rs.getLong("end_seq")),
				rs.getInt("attempts"), Columns.utc(rs, "created_at"), Columns.utc(rs, "last_attempt_at"),
				"PENDING".equals(rs.getString("state")) ? Columns.utc(rs, "next_attempt_at") : null,
				Columns.utc(rs, "delivered_at"), lastStatus, rs.getString("last_error"));
	}

}
