package cn.changhe.portfolio.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import cn.changhe.portfolio.write.Column;
import cn.changhe.portfolio.write.Refers;
import cn.changhe.portfolio.write.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes of the investment ledger, each keeping the totals by sector, year, kind and currency
 * exact in the same transaction.
 */
@Repository
public class InvestmentWrites {

	/** A ledger row's writable columns. */
	record Values(InvestmentKind kind, BigDecimal amount, String currency, Integer year,
			@Column("invested_on") LocalDate date, @Refers("Project") Long projectId,
			@Refers("Enterprise") Long enterpriseId, @Refers("Fund") Long fundId, @Refers("Sector") Long sectorId,
			String note) {

		Group group() {
			return new Group(this.sectorId, this.year, this.kind.name(), this.currency);
		}

	}

	/** Every write of a ledger row keeps the totals of the groups it leaves and joins. */
	private static final Table.Upkeep<Values> TOTALS = new Table.Upkeep<>() {

		@Override
		public void prepare(JdbcClient jdbc, long key) {
			// the group the row counts in now, read without locking it; claimed again (at no cost) once it is locked
			claim(jdbc, jdbc.sql("""
					SELECT sector_id, year, kind, currency FROM investment WHERE id = ? AND deleted_at IS NULL""")
				.param(key)
				.query((rs, n) -> new Group((Long) rs.getObject(1, Long.class), rs.getInt(2), rs.getString(3), rs.getString(4)))
				.list());
		}

		@Override
		public void before(JdbcClient jdbc, Values before, Values after) {
			claim(jdbc, groups(before, after));
		}

		@Override
		public void after(JdbcClient jdbc, Values before, Values after) {
			for (Group group : ordered(groups(before, after))) {
				boolean leaves = before != null && before.group().equals(group);
				boolean joins = after != null && after.group().equals(group);
				if (!leaves) {
					added(jdbc, group, after.amount());
				}
				else {
					changed(jdbc, group, (joins ? 1 : 0) - 1,
							(joins ? after.amount() : BigDecimal.ZERO).subtract(before.amount()));
				}
			}
		}

		private static List<Group> groups(Values before, Values after) {
			return Stream.of(before, after).filter(Objects::nonNull).map(Values::group).toList();
		}

	};

	static final Table<Values> INVESTMENTS = Table.of("Investment", "investment", Values.class).keepingUp(TOTALS);

	private final JdbcClient jdbc;

	InvestmentWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The group of the totals a ledger row counts in. */
	record Group(Long sectorId, int year, String kind, String currency) {
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
		List<Group> groups = claim(this.jdbc, rows.stream()
			.map((row) -> new Group((row.get("sector_id") != null) ? ((Number) row.get("sector_id")).longValue() : null,
					((Number) row.get("year")).intValue(), (String) row.get("kind"), (String) row.get("currency")))
			.toList());
		List<Long> ids = rows.stream().map((row) -> ((Number) row.get("id")).longValue()).toList();
		this.jdbc.sql("UPDATE investment SET deleted_at = :now, updated_at = :now, version = version + 1 WHERE id IN (:ids) AND deleted_at IS NULL")
			.param("ids", ids)
			.param("now", now)
			.update();
		groups.forEach((group) -> recompute(this.jdbc, group));
		return ids;
	}

	/**
	 * Locks the totals rows of the groups a write touches, creating them where missing, in key order:
	 * every ledger write takes its groups' locks first, so that concurrent writers to a group take
	 * turns and never wait on each other in a cycle.
	 */
	private static List<Group> claim(JdbcClient jdbc, List<Group> groups) {
		List<Group> ordered = ordered(groups);
		for (Group group : ordered) {
			jdbc.sql("""
					INSERT INTO investment_total (sector_id, year, kind, currency, row_count, total, min_amount, max_amount)
					VALUES (?, ?, ?, ?, 0, 0, 0, 0)
					ON DUPLICATE KEY UPDATE row_count = row_count""")
				.params(sector(group), group.year(), group.kind(), group.currency())
				.update();
		}
		return ordered;
	}

	/** The distinct groups in key order. */
	private static List<Group> ordered(List<Group> groups) {
		return new LinkedHashSet<>(groups).stream()
			.sorted(java.util.Comparator.comparingLong(InvestmentWrites::sector)
				.thenComparing(Group::year)
				.thenComparing(Group::kind)
				.thenComparing(Group::currency))
			.toList();
	}

	/*
	 * A claimed group's totals change by what the write changed: its row is locked, so they are the
	 * exact sums of what the writers before this one committed, and a write costs the same however
	 * many rows its group holds. Only a row leaving a group (or changing its amount) makes its
	 * minimum and maximum read again, as the two ends of the group's index.
	 */

	/** A row joined a claimed group (and none left it). */
	private static void added(JdbcClient jdbc, Group group, BigDecimal amount) {
		// the extremes first: MySQL assigns left to right, and they read the count before it changes
		jdbc.sql("""
				UPDATE investment_total
				SET min_amount = CASE WHEN row_count = 0 THEN ? ELSE LEAST(min_amount, ?) END,
				    max_amount = CASE WHEN row_count = 0 THEN ? ELSE GREATEST(max_amount, ?) END,
				    row_count = row_count + 1, total = total + ?
				WHERE sector_id = ? AND year = ? AND kind = ? AND currency = ?""")
			.params(amount, amount, amount, amount, amount, sector(group), group.year(), group.kind(), group.currency())
			.update();
	}

	/** A row left a claimed group, or changed its amount in it: the count and total move by the deltas. */
	private static void changed(JdbcClient jdbc, Group group, int countDelta, BigDecimal totalDelta) {
		BigDecimal lowest = end(jdbc, group, "ASC");
		if (lowest == null) {
			drop(jdbc, group);
			return;
		}
		jdbc.sql("""
				UPDATE investment_total SET row_count = row_count + ?, total = total + ?, min_amount = ?, max_amount = ?
				WHERE sector_id = ? AND year = ? AND kind = ? AND currency = ?""")
			.params(countDelta, totalDelta, lowest, end(jdbc, group, "DESC"), sector(group), group.year(), group.kind(),
					group.currency())
			.update();
	}

	/**
	 * The lowest or highest live amount of a group, from one end of its index, with a locking read
	 * that sees what the writers before this one committed; null for a group with no live row.
	 */
	private static BigDecimal end(JdbcClient jdbc, Group group, String direction) {
		return jdbc.sql("SELECT amount FROM investment FORCE INDEX (ix_investment_group) WHERE " + sectorCondition(group)
				+ " AND year = ? AND kind = ? AND currency = ? AND deleted_at IS NULL ORDER BY amount " + direction
				+ " LIMIT 1 FOR UPDATE")
			.params(groupParameters(group))
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	/** A group's totals row, once the group has no live row. */
	private static void drop(JdbcClient jdbc, Group group) {
		jdbc.sql("DELETE FROM investment_total WHERE sector_id = ? AND year = ? AND kind = ? AND currency = ?")
			.params(sector(group), group.year(), group.kind(), group.currency())
			.update();
	}

	/** The totals' sector key: 0 for the ledger's rows without a sector. */
	private static long sector(Group group) {
		return (group.sectorId() != null) ? group.sectorId() : 0L;
	}

	private static String sectorCondition(Group group) {
		return (group.sectorId() != null) ? "sector_id = ?" : "sector_id IS NULL";
	}

	private static List<Object> groupParameters(Group group) {
		List<Object> parameters = new java.util.ArrayList<>();
		if (group.sectorId() != null) {
			parameters.add(group.sectorId());
		}
		parameters.addAll(List.of(group.year(), group.kind(), group.currency()));
		return parameters;
	}

	/**
	 * Recomputes a claimed group of the totals from the ledger (after a project's rows are deleted
	 * together), with a locking read that sees what the writers before this one committed.
	 */
	private static void recompute(JdbcClient jdbc, Group group) {
		long sector = sector(group);
		// Through the group's index, whatever the statistics say: reached through another index, the locking read
		// would lock the rows of other groups it passes, and writers to two groups could deadlock.
		Map<String, Object> measures = jdbc.sql("SELECT COUNT(*) AS n, SUM(amount) AS total, MIN(amount) AS lowest, "
				+ "MAX(amount) AS highest FROM investment FORCE INDEX (ix_investment_group) WHERE " + sectorCondition(group)
				+ " AND year = ? AND kind = ? AND currency = ? AND deleted_at IS NULL FOR UPDATE")
			.params(groupParameters(group))
			.query()
			.singleRow();
		long count = ((Number) measures.get("n")).longValue();
		if (count == 0) {
			drop(jdbc, group);
			return;
		}
		jdbc.sql("""
				UPDATE investment_total SET row_count = ?, total = ?, min_amount = ?, max_amount = ?
				WHERE sector_id = ? AND year = ? AND kind = ? AND currency = ?""")
			.params(count, (BigDecimal) measures.get("total"), (BigDecimal) measures.get("lowest"),
					(BigDecimal) measures.get("highest"), sector, group.year(), group.kind(), group.currency())
			.update();
	}

}
