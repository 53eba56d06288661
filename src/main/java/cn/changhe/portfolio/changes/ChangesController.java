package cn.changhe.portfolio.changes;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Connection.PageInfo;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.InvalidInput;
import cn.changhe.portfolio.graphql.NodeLookups;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.security.Access;
import cn.changhe.portfolio.security.Scope;
import cn.changhe.portfolio.security.Viewer;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code changes(first, after)}: the change feed, one change per created, updated or deleted record
 * the viewer may see, in the order the sequencer numbered them ({@link ChangeSequencer}), each with
 * the record as it is now (null once it is deleted). A partner's feed holds the records of its scope
 * (as {@code Scope} draws it), deleted ones included, so that it learns of their deletion.
 */
@Controller
class ChangesController {

	private static final int MAX_FIRST = 1000;

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

	private final JdbcClient jdbc;

	private final NodeLookups lookups;

	ChangesController(JdbcClient jdbc, NodeLookups lookups) {
		this.jdbc = jdbc;
		this.lookups = lookups;
	}

	record Change(String action, String entityId, OffsetDateTime at, Object node) {
	}

	record ChangeEdge(String cursor, Change node) {
	}

	/** A page of the feed (named so that Spring passes it through as a connection); its total is counted only if asked for. */
	record ChangeConnection(List<Change> nodes, List<ChangeEdge> edges, PageInfo pageInfo, Long totalCount) {
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public ChangeConnection changes(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		int size = (first != null) ? first : 100;
		if (size < 0 || size > MAX_FIRST) {
			throw new InvalidInput("first", "`first` must be between 0 and " + MAX_FIRST + ".");
		}
		long from = (after != null) ? position(after) : 0;
		Conditions visible = visible();
		Conditions where = new Conditions().and("a.seq > ?", from).with(visible);
		List<Object> parameters = new ArrayList<>(where.parameters());
		parameters.add(size + 1);
		List<Object[]> rows = this.jdbc.sql("SELECT a.seq, a.entity_type, a.entity_id, a.action, a.at FROM audit_log a"
				+ where.where() + " ORDER BY a.seq LIMIT ?")
			.params(parameters)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, java.time.LocalDateTime.class) })
			.list();
		boolean more = rows.size() > size;
		List<Object[]> page = more ? rows.subList(0, size) : rows;
		Map<String, Map<Long, Identified>> now = records(page);
		List<ChangeEdge> edges = new ArrayList<>(page.size());
		for (Object[] row : page) {
			String type = (String) row[1];
			long key = (Long) row[2];
			Change change = new Change(action((String) row[3]), GlobalId.encode(type, key),
					((java.time.LocalDateTime) row[4]).atOffset(ZoneOffset.UTC), now.get(type).get(key));
			edges.add(new ChangeEdge(cursor((Long) row[0]), change));
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? after : edges.get(edges.size() - 1).cursor();
		Long total = Selections.asks(env, "totalCount") ? this.jdbc.sql("SELECT COUNT(*) FROM audit_log a" + where.where())
			.params(where.parameters())
			.query(Long.class)
			.single() : null;
		return new ChangeConnection(edges.stream().map(ChangeEdge::node).toList(), edges,
				new PageInfo(more, after != null, start, end), total);
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

	/** The records of the page as they are now, by type and key, as the viewer may see them. */
	private Map<String, Map<Long, Identified>> records(List<Object[]> page) {
		Map<String, List<Long>> keys = new HashMap<>();
		for (Object[] row : page) {
			keys.computeIfAbsent((String) row[1], (type) -> new ArrayList<>()).add((Long) row[2]);
		}
		Map<String, Map<Long, Identified>> records = new HashMap<>();
		keys.forEach((type, ids) -> {
			Map<Long, Identified> found = new HashMap<>();
			for (Identified record : this.lookups.of(type).findAllById(ids.stream().distinct().toList())) {
				found.put(record.id(), record);
			}
			records.put(type, found);
		});
		return records;
	}

	private static String action(String audited) {
		return switch (audited) {
			case "CREATE", "SCOPE_ENTERED" -> "CREATED";
			case "DELETE", "SCOPE_LEFT" -> "DELETED";
			default -> "UPDATED";
		};
	}

	static String cursor(long seq) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("change:" + seq).getBytes(StandardCharsets.UTF_8));
	}

	private static long position(String cursor) {
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
		throw new InvalidInput("after", "`after` is not a cursor of the change feed.");
	}

}
