package cn.changhe.portfolio.changes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.InvalidInput;
import cn.changhe.portfolio.security.Scope;
import cn.changhe.portfolio.security.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The change feed as the viewer may read it: the numbered audit rows of the types it follows, in
 * the viewer's scope (a partner's: the records of its scope, deleted ones included, and the rows
 * addressed to its investor alone), in the order the sequencer numbered them
 * ({@link ChangeSequencer}). {@code changes} pages through it; webhooks push it.
 */
@Component
public class Feed {

	/**
	 * The types the feed follows, each with the scope of a partner over its rows, deleted or not (the
	 * types a partner never reads are out of its scope altogether).
	 */
	private static final Map<String, UnaryOperator<Conditions>> TYPES = new LinkedHashMap<>();

	static {
		TYPES.put("Enterprise", (where) -> Scope.enterprises(where, "a.entity_id"));
		TYPES.put("Project", Scope::none);
		TYPES.put("Investment", (where) -> within(where, "investment ci", Scope.investments(new Conditions(), "ci")));
		TYPES.put("Fund", (where) -> Scope.funds(where, "a.entity_id"));
		TYPES.put("Investor", (where) -> Scope.investors(where, "a.entity_id"));
		TYPES.put("Commitment", (where) -> within(where, "commitment cc", Scope.commitments(new Conditions(), "cc.investor_id")));
		TYPES.put("TalentProgramme", Scope::none);
		TYPES.put("TalentAward", Scope::none);
		TYPES.put("Indicator", Scope::none);
		TYPES.put("Target", Scope::none);
	}

	/** One change, as the feed holds it: its number, the record's type and key, what it did, and when. */
	public record Entry(long seq, String type, long key, String action, LocalDateTime at) {

		/** The feed's position after this change. */
		public String cursor() {
			return Feed.cursor(this.seq);
		}

	}

	private final JdbcClient jdbc;

	Feed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code size} changes the viewer may see after the position {@code from}, up to {@code upTo} where given. */
	public List<Entry> after(long from, Long upTo, int size) {
		Conditions where = where(from, upTo);
		List<Object> parameters = new ArrayList<>(where.parameters());
		parameters.add(size);
		return this.jdbc.sql("SELECT a.seq, a.entity_type, a.entity_id, a.action, a.at FROM audit_log a" + where.where()
				+ " ORDER BY a.seq LIMIT ?")
			.params(parameters)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), action(rs.getString(4)),
					rs.getObject(5, LocalDateTime.class)))
			.list();
	}

	/** How many changes the viewer may see after the position. */
	public long count(long from) {
		Conditions where = where(from, null);
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_log a" + where.where()).params(where.parameters()).query(Long.class).single();
	}

	/** The position the sequencer has numbered up to: every change at or below it is in the feed. */
	public long end() {
		return this.jdbc.sql("SELECT last_seq FROM change_sequencer WHERE id = 1").query(Long.class).single();
	}

	private static Conditions where(long from, Long upTo) {
		Conditions where = new Conditions().and("a.seq > ?", from);
		if (upTo != null) {
			where.and("a.seq <= ?", upTo);
		}
		return where.with(visible());
	}

	/** The changes the viewer may see: of the types the feed follows, in the viewer's scope. */
	private static Conditions visible() {
		List<String> clauses = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		TYPES.forEach((type, scope) -> {
			Conditions ofType = scope.apply(new Conditions().and("a.entity_type = ?", type));
			clauses.add("(" + scopeOf(ofType) + ")");
			parameters.addAll(ofType.parameters());
		});
		// rows addressed to one investor's partners (what came into their sight) are theirs alone
		Optional<Long> partner = Viewer.partnerInvestor();
		String own = "a.audience IS NULL AND (" + String.join(" OR ", clauses) + ")";
		if (partner.isEmpty()) {
			return new Conditions().and("a.seq IS NOT NULL").and(own, parameters.toArray());
		}
		parameters.add(partner.get());
		return new Conditions().and("a.seq IS NOT NULL").and("((" + own + ") OR a.audience = ?)", parameters.toArray());
	}

	/** The change is of a row of the table (deleted or not) in the scope. */
	private static Conditions within(Conditions where, String table, Conditions scope) {
		String alias = table.substring(table.indexOf(' ') + 1);
		return where.and("a.entity_id IN (SELECT " + alias + ".id FROM " + table + " WHERE " + scopeOf(scope) + ")",
				scope.parameters().toArray());
	}

	/** The conditions' clauses, joined, without the WHERE. */
	private static String scopeOf(Conditions conditions) {
		String where = conditions.where();
		return where.isEmpty() ? "1 = 1" : where.substring(" WHERE ".length());
	}

	private static String action(String audited) {
		return switch (audited) {
			case "CREATE", "SCOPE_ENTERED" -> "CREATED";
			case "DELETE", "SCOPE_LEFT" -> "DELETED";
			default -> "UPDATED";
		};
	}

	public static String cursor(long seq) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("change:" + seq).getBytes(StandardCharsets.UTF_8));
	}

	/** The position a cursor of the feed names; an {@link InvalidInput} of the field otherwise. */
	public static long position(String cursor, String field) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith("change:")) {
				long seq = Long.parseLong(text.substring("change:".length()));
				if (seq >= 0) {
					return seq;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64, or not a number: said below
		}
		throw new InvalidInput(field, "`" + field + "` is not a cursor of the change feed.");
	}

}
