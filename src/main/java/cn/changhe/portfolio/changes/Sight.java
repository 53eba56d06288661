package cn.changhe.portfolio.changes;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.changhe.portfolio.audit.Audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a change to one record does to partners' sight of others: a partner sees an enterprise while
 * an equity investment of one of its investor's funds goes to it, and a fund (with its investments)
 * while its investor has a commitment to it. Their feed reads its scope as it is now, so a record
 * that left it would vanish from the feed without a word, and one that came into it would bring only
 * changes older than the partner's cursor. The sequencer asks here, after numbering a batch, which
 * records entered or left whose sight through the batch's changes, and numbers a change addressed to
 * that investor's partners alone for each ({@code audit_log.audience}): SCOPE_LEFT, which the feed
 * shows as DELETED, and SCOPE_ENTERED, shown as CREATED.
 *
 * <p>It judges by the database as it is when the batch is numbered, one batch at a time: a record's
 * last word in a partner's feed is the sight it is in once the writes have settled, even where
 * writes that committed together pulled both ways. (A new commitment says what it brings into sight
 * itself, in its own transaction: {@code FundMutations}.)
 */
@Component
class Sight {

	/** One record entering or leaving one investor's partners' sight. */
	record Turn(long investor, String type, long key, String action) {
	}

	/** Enterprises a deleted equity investment reached that none of the investor's funds reaches now. */
	private static final String ENTERPRISES_LEFT = """
			SELECT DISTINCT c.investor_id, i.enterprise_id
			FROM audit_log a
			JOIN investment i ON i.id = a.entity_id
			JOIN commitment c ON c.fund_id = i.fund_id AND c.deleted_at IS NULL
			WHERE a.seq BETWEEN ? AND ? AND a.entity_type = 'Investment' AND a.action = 'DELETE' AND a.audience IS NULL
			  AND i.kind = 'FUND_EQUITY' AND i.enterprise_id IS NOT NULL
			  AND NOT EXISTS (
			    SELECT 1 FROM investment o
			    JOIN commitment oc ON oc.fund_id = o.fund_id AND oc.deleted_at IS NULL AND oc.investor_id = c.investor_id
			    WHERE o.enterprise_id = i.enterprise_id AND o.kind = 'FUND_EQUITY' AND o.deleted_at IS NULL)
			ORDER BY c.investor_id, i.enterprise_id""";

	/**
	 * Enterprises a new equity investment reaches that the investor's funds reached by no investment
	 * numbered before the batch (one that was is how the partner saw the enterprise already).
	 */
	private static final String ENTERPRISES_ENTERED = """
			SELECT DISTINCT c.investor_id, i.enterprise_id
			FROM audit_log a
			JOIN investment i ON i.id = a.entity_id
			JOIN commitment c ON c.fund_id = i.fund_id AND c.deleted_at IS NULL
			WHERE a.seq BETWEEN ? AND ? AND a.entity_type = 'Investment' AND a.action = 'CREATE' AND a.audience IS NULL
			  AND i.kind = 'FUND_EQUITY' AND i.deleted_at IS NULL AND i.enterprise_id IS NOT NULL
			  AND NOT EXISTS (
			    SELECT 1 FROM investment o
			    JOIN commitment oc ON oc.fund_id = o.fund_id AND oc.deleted_at IS NULL AND oc.investor_id = c.investor_id
			    WHERE o.enterprise_id = i.enterprise_id AND o.kind = 'FUND_EQUITY' AND o.deleted_at IS NULL AND o.id <> i.id
			      AND NOT EXISTS (
			        SELECT 1 FROM audit_log oa
			        WHERE oa.entity_type = 'Investment' AND oa.entity_id = o.id AND oa.action = 'CREATE'
			          AND (oa.seq >= ? OR oa.seq IS NULL)))
			ORDER BY c.investor_id, i.enterprise_id""";

	/** Funds whose commitment was removed: the investor has no other to them (one per fund and investor). */
	private static final String FUNDS_LEFT = """
			SELECT c.investor_id, c.fund_id
			FROM audit_log a
			JOIN commitment c ON c.id = a.entity_id
			WHERE a.seq BETWEEN ? AND ? AND a.entity_type = 'Commitment' AND a.action = 'DELETE' AND a.audience IS NULL
			  AND NOT EXISTS (SELECT 1 FROM commitment o WHERE o.investor_id = c.investor_id AND o.fund_id = c.fund_id
			    AND o.deleted_at IS NULL)
			ORDER BY a.seq""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	Sight(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The records entering or leaving partners' sight through the changes numbered {@code from} to {@code to}. */
	List<Turn> turns(long from, long to) {
		Set<Turn> turns = new LinkedHashSet<>();
		this.jdbc.sql(FUNDS_LEFT).params(from, to).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list()
			.forEach((left) -> fundLeft(turns, left[0], left[1]));
		this.jdbc.sql(ENTERPRISES_LEFT).params(from, to)
			.query((rs, n) -> new Turn(rs.getLong(1), "Enterprise", rs.getLong(2), "SCOPE_LEFT"))
			.list()
			.forEach(turns::add);
		this.jdbc.sql(ENTERPRISES_ENTERED).params(from, to, from)
			.query((rs, n) -> new Turn(rs.getLong(1), "Enterprise", rs.getLong(2), "SCOPE_ENTERED"))
			.list()
			.forEach(turns::add);
		return new ArrayList<>(turns);
	}

	/** The fund, its live equity investments and the enterprises no other fund of the investor's reaches. */
	private void fundLeft(Set<Turn> turns, long investor, long fund) {
		turns.add(new Turn(investor, "Fund", fund, "SCOPE_LEFT"));
		this.jdbc.sql("SELECT id FROM investment WHERE fund_id = ? AND kind = 'FUND_EQUITY' AND deleted_at IS NULL ORDER BY id")
			.param(fund)
			.query(Long.class)
			.list()
			.forEach((investment) -> turns.add(new Turn(investor, "Investment", investment, "SCOPE_LEFT")));
		this.jdbc.sql("""
				SELECT DISTINCT i.enterprise_id FROM investment i
				WHERE i.fund_id = ? AND i.kind = 'FUND_EQUITY' AND i.deleted_at IS NULL AND i.enterprise_id IS NOT NULL
				  AND NOT EXISTS (
				    SELECT 1 FROM investment o
				    JOIN commitment oc ON oc.fund_id = o.fund_id AND oc.deleted_at IS NULL AND oc.investor_id = ?
				    WHERE o.enterprise_id = i.enterprise_id AND o.kind = 'FUND_EQUITY' AND o.deleted_at IS NULL)
				ORDER BY i.enterprise_id""")
			.params(fund, investor)
			.query(Long.class)
			.list()
			.forEach((enterprise) -> turns.add(new Turn(investor, "Enterprise", enterprise, "SCOPE_LEFT")));
	}

	/** Records the turns as changes numbered from {@code first} on, for their investors' partners alone. */
	void record(List<Turn> turns, long first) {
		LocalDateTime now = Audit.now();
		List<Object[]> rows = new ArrayList<>(turns.size());
		for (int i = 0; i < turns.size(); i++) {
			Turn turn = turns.get(i);
			rows.add(new Object[] { turn.type(), turn.key(), turn.action(), now, turn.investor(), first + i });
		}
		this.batch.batchUpdate("""
				INSERT INTO audit_log (entity_type, entity_id, action, actor, at, changes, audience, seq)
				VALUES (?, ?, ?, 'change-sequencer', ?, '{}', ?, ?)""", rows);
	}

}
