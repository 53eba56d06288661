package cn.changhe.portfolio.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes of the investment ledger, each keeping the totals by sector, year, kind and currency
 * exact in the same transaction.
 */
@Repository
public class InvestmentWrites {

	private final JdbcClient jdbc;

	InvestmentWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The group of the totals a ledger row counts in. */
	record Group(Long sectorId, int year, String kind, String currency) {
	}

	/** The row's current fields, locked until the transaction ends. */
	Optional<Map<String, Object>> lock(long id) {
		return this.jdbc.sql("""
				SELECT kind, amount, currency, year, invested_on, project_id, enterprise_id, fund_id, sector_id, note, version
				FROM investment WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
			.param(id)
			.query((rs, row) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("kind", rs.getString("kind"));
				fields.put("amount", rs.getBigDecimal("amount"));
				fields.put("currency", rs.getString("currency"));
				fields.put("year", rs.getInt("year"));
				fields.put("date", rs.getObject("invested_on", LocalDate.class));
				fields.put("projectId", nullable(rs.getLong("project_id"), rs.wasNull()));
				fields.put("enterpriseId", nullable(rs.getLong("enterprise_id"), rs.wasNull()));
				fields.put("fundId", nullable(rs.getLong("fund_id"), rs.wasNull()));
				fields.put("sectorId", nullable(rs.getLong("sector_id"), rs.wasNull()));
				fields.put("note", rs.getString("note"));
				fields.put("version", rs.getLong("version"));
				return fields;
			})
			.optional();
	}

	long insert(Map<String, Object> fields, String source, LocalDateTime now) {
		Group group = group(fields);
		claim(List.of(group));
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO investment (kind, amount, currency, year, invested_on, project_id, enterprise_id, fund_id,
				                        sector_id, note, provenance, source, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(fields.get("kind"), fields.get("amount"), fields.get("currency"), fields.get("year"), fields.get("date"),
					fields.get("projectId"), fields.get("enterpriseId"), fields.get("fundId"), fields.get("sectorId"),
					fields.get("note"), source, now, now)
			.update(keys, "id");
		recompute(group);
		return keys.getKey().longValue();
	}

	void update(long id, Map<String, Object> before, Map<String, Object> after, LocalDateTime now) {
		List<Group> groups = claim(List.of(group(before), group(after)));
		this.jdbc.sql("""
				UPDATE investment SET amount = ?, year = ?, invested_on = ?, note = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(after.get("amount"), after.get("year"), after.get("date"), after.get("note"), now, id, before.get("version"))
			.update();
		groups.forEach(this::recompute);
	}

	void delete(long id, Map<String, Object> before, LocalDateTime now) {
		Group group = group(before);
		claim(List.of(group));
		this.jdbc.sql("UPDATE investment SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(now, now, id)
			.update();
		recompute(group);
	}

	/** Deletes a project's live rows with it; answers their ids. */
	public List<Long> deleteOfProject(long projectId, LocalDateTime now) {
		// Read without locking, claim the totals, then lock the rows: the order every ledger write takes.
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT id, sector_id, year, kind, currency FROM investment WHERE project_id = ? AND deleted_at IS NULL""")
			.param(projectId)
			.query()
			.listOfRows();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Group> groups = claim(rows.stream()
			.map((row) -> new Group((row.get("sector_id") != null) ? ((Number) row.get("sector_id")).longValue() : null,
					((Number) row.get("year")).intValue(), (String) row.get("kind"), (String) row.get("currency")))
			.toList());
		List<Long> ids = rows.stream().map((row) -> ((Number) row.get("id")).longValue()).toList();
		this.jdbc.sql("UPDATE investment SET deleted_at = :now, updated_at = :now, version = version + 1 WHERE id IN (:ids) AND deleted_at IS NULL")
			.param("ids", ids)
			.param("now", now)
			.update();
		groups.forEach(this::recompute);
		return ids;
	}

	/**
	 * Locks the totals rows of the groups a write touches, creating them where missing, in key order:
	 * every ledger write takes its groups' locks first, so that concurrent writers to a group take
	 * turns and never wait on each other in a cycle.
	 */
	private List<Group> claim(List<Group> groups) {
		List<Group> ordered = new LinkedHashSet<>(groups).stream()
			.sorted(java.util.Comparator.comparing((Group g) -> (g.sectorId() != null) ? g.sectorId() : 0L)
				.thenComparing(Group::year)
				.thenComparing(Group::kind)
				.thenComparing(Group::currency))
			.toList();
		for (Group group : ordered) {
			this.jdbc.sql("""
					INSERT INTO investment_total (sector_id, year, kind, currency, row_count, total, min_amount, max_amount)
					VALUES (?, ?, ?, ?, 0, 0, 0, 0)
					ON DUPLICATE KEY UPDATE row_count = row_count""")
				.params((group.sectorId() != null) ? group.sectorId() : 0L, group.year(), group.kind(), group.currency())
				.update();
		}
		return ordered;
	}

	/**
	 * Recomputes a claimed group of the totals from the ledger, with a locking read that sees what
	 * the writers before this one committed.
	 */
	private void recompute(Group group) {
		long sector = (group.sectorId() != null) ? group.sectorId() : 0L;
		String sectorCondition = (group.sectorId() != null) ? "sector_id = ?" : "sector_id IS NULL";
		List<Object> parameters = new java.util.ArrayList<>();
		if (group.sectorId() != null) {
			parameters.add(group.sectorId());
		}
		parameters.addAll(List.of(group.year(), group.kind(), group.currency()));
		Map<String, Object> measures = this.jdbc.sql("SELECT COUNT(*) AS n, SUM(amount) AS total, MIN(amount) AS lowest, "
				+ "MAX(amount) AS highest FROM investment WHERE " + sectorCondition
				+ " AND year = ? AND kind = ? AND currency = ? AND deleted_at IS NULL FOR UPDATE")
			.params(parameters)
			.query()
			.singleRow();
		long count = ((Number) measures.get("n")).longValue();
		if (count == 0) {
			this.jdbc.sql("DELETE FROM investment_total WHERE sector_id = ? AND year = ? AND kind = ? AND currency = ?")
				.params(sector, group.year(), group.kind(), group.currency())
				.update();
			return;
		}
		this.jdbc.sql("""
				UPDATE investment_total SET row_count = ?, total = ?, min_amount = ?, max_amount = ?
				WHERE sector_id = ? AND year = ? AND kind = ? AND currency = ?""")
			.params(count, (BigDecimal) measures.get("total"), (BigDecimal) measures.get("lowest"),
					(BigDecimal) measures.get("highest"), sector, group.year(), group.kind(), group.currency())
			.update();
	}

	/** A live project's enterprise and sector. */
	Optional<long[]> project(long id) {
		return this.jdbc.sql("SELECT enterprise_id, sector_id FROM project WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query((rs, row) -> new long[] { rs.getLong("enterprise_id"), rs.getLong("sector_id") })
			.optional();
	}

	/** A live enterprise's sector (0 where it has none). */
	Optional<Long> enterpriseSector(long id) {
		return this.jdbc.sql("SELECT COALESCE(sector_id, 0) FROM enterprise WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query(Long.class)
			.optional();
	}

	/** A live fund's currency. */
	Optional<String> fundCurrency(long id) {
		return this.jdbc.sql("SELECT currency FROM fund WHERE id = ? AND deleted_at IS NULL").param(id).query(String.class).optional();
	}

	private static Group group(Map<String, Object> fields) {
		return new Group((Long) fields.get("sectorId"), (Integer) fields.get("year"), (String) fields.get("kind"),
				(String) fields.get("currency"));
	}

	private static Long nullable(long value, boolean wasNull) {
		return wasNull ? null : value;
	}

}
