package cn.changhe.portfolio.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import cn.changhe.portfolio.graphql.GlobalId;

/**
 * The floor: operations 0-5 and 9 answered by hand-written JDBC (bound parameters, as many
 * statements as the service sends; (b) in one with {@code -Dbench.floor.oneStatement}) on the
 * service's own DataSource, written as the same JSON as the GraphQL response, over HTTP from a JDK
 * HttpServer in the same JVM.
 */
final class Floor implements AutoCloseable {

	private static final String STAGE_ORDER = "FIELD(m.stage, 'SIGNED', 'REGISTERED', 'STARTED', 'COMPLETED', "
			+ "'IN_PRODUCTION', 'ABOVE_SIZE')";

	private final DataSource ds;

	private final HttpServer server;

	private final ExecutorService pool;

	Floor(DataSource ds, int threads) throws IOException {
		this.ds = ds;
		// Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
		// delayed ACK: about 40 ms added to small responses. Tomcat sets it; so must the floor.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		this.pool = Executors.newFixedThreadPool(threads);
		this.server.setExecutor(this.pool);
		this.server.createContext("/typename", handler((params) -> Map.of("__typename", "Query")));
		this.server.createContext("/node", handler(this::node));
		this.server.createContext("/page", handler(this::page));
		this.server.createContext("/nested", handler(this::nested));
		this.server.createContext("/summary", handler(this::summary));
		this.server.createContext("/sectors", handler(this::sectors));
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.pool.shutdownNow();
	}

	private interface Answer {

		Object answer(Map<String, String> params) throws SQLException;

	}

	private static HttpHandler handler(Answer answer) {
		return (exchange) -> {
			try (exchange) {
				byte[] body;
				int status = 200;
				try {
					Map<String, Object> document = new LinkedHashMap<>();
					document.put("data", answer.answer(params(exchange)));
					body = GraphQlHttp.JSON.writeValueAsBytes(document);
				}
				catch (SQLException | RuntimeException ex) {
					status = 500;
					body = ("{\"errors\":[{\"message\":\"" + ex.getClass().getSimpleName() + "\"}]}")
						.getBytes(StandardCharsets.UTF_8);
				}
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		};
	}

	private static Map<String, String> params(HttpExchange exchange) {
		Map<String, String> params = new HashMap<>();
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return params;
	}

	/** As the service writes amounts: without trailing zeros, never in exponent notation. */
	static BigDecimal plain(BigDecimal amount, int exponent) {
		BigDecimal converted = amount.movePointLeft(exponent).stripTrailingZeros();
		return (converted.scale() < 0) ? converted.setScale(0) : converted;
	}

	private static Map<String, Object> money(BigDecimal amount, String currency) {
		Map<String, Object> money = new LinkedHashMap<>();
		money.put("amount", plain(amount, 0));
		money.put("currency", currency);
		return money;
	}

	private static String placeholders(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

	// 1. node(id) of a project, with its milestones: one statement.
	private Object node(Map<String, String> params) throws SQLException {
		long id = GlobalId.keyOf(params.get("id"), "Project", "id");
		Map<String, Object> project = null;
		List<Map<String, Object>> milestones = new ArrayList<>();
		try (Connection c = this.ds.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT p.id, p.name, p.stage, p.total_investment, m.stage, "
						+ "m.reached_on FROM project p LEFT JOIN project_milestone m ON m.project_id = p.id AND "
						+ "m.deleted_at IS NULL WHERE p.id = ? AND p.deleted_at IS NULL ORDER BY m.reached_on, m.id")) {
			s.setLong(1, id);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					if (project == null) {
						project = new LinkedHashMap<>();
						project.put("id", GlobalId.encode("Project", rs.getLong(1)));
						project.put("name", rs.getString(2));
						project.put("stage", rs.getString(3));
						project.put("totalInvestment", money(rs.getBigDecimal(4), "CNY"));
						project.put("milestones", milestones);
					}
					if (rs.getString(5) != null) {
						Map<String, Object> m = new LinkedHashMap<>();
						m.put("stage", rs.getString(5));
						m.put("reachedOn", rs.getDate(6).toLocalDate().toString());
						milestones.add(m);
					}
				}
			}
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("node", project);
		return data;
	}

	// 2. a keyset page of 20 projects of a sector, ordered by id, after a cursor: one statement.
	private Object page(Map<String, String> params) throws SQLException {
		long sector = GlobalId.keyOf(params.get("sector"), "Sector", "sector");
		String text = new String(Base64.getUrlDecoder().decode(params.get("after")), StandardCharsets.UTF_8);
		String sort = text.substring(0, text.indexOf('\n'));
		long after = Long.parseLong(text.substring(text.lastIndexOf('\n') + 1));
		int first = 20;
		List<Map<String, Object>> nodes = new ArrayList<>();
		try (Connection c = this.ds.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT id, name, stage, total_investment FROM project "
						+ "WHERE sector_id = ? AND deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?")) {
			s.setLong(1, sector);
			s.setLong(2, after);
			s.setInt(3, first + 1);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					Map<String, Object> p = new LinkedHashMap<>();
					p.put("id", GlobalId.encode("Project", rs.getLong(1)));
					p.put("name", rs.getString(2));
					p.put("stage", rs.getString(3));
					p.put("totalInvestment", money(rs.getBigDecimal(4), "CNY"));
					nodes.add(p);
					p.put("_key", rs.getLong(1));
				}
			}
		}
		boolean hasNext = nodes.size() > first;
		if (hasNext) {
			nodes.remove(first);
		}
		String endCursor = null;
		if (!nodes.isEmpty()) {
			long last = (Long) nodes.get(nodes.size() - 1).get("_key");
			endCursor = Base64.getUrlEncoder().withoutPadding()
				.encodeToString((sort + "\n" + last + "\n" + last).getBytes(StandardCharsets.UTF_8));
		}
		nodes.forEach((p) -> p.remove("_key"));
		Map<String, Object> pageInfo = new LinkedHashMap<>();
		pageInfo.put("hasNextPage", hasNext);
		pageInfo.put("endCursor", endCursor);
		Map<String, Object> projects = new LinkedHashMap<>();
		projects.put("nodes", nodes);
		projects.put("pageInfo", pageInfo);
		return Map.of("projects", projects);
	}

	/** As the service does: up to this many parents, one seek per parent in a UNION ALL; more, ROW_NUMBER(). */
	private static final int MAX_BRANCHES = 50;

	private static String seeks(String branch, int parents) {
		return String.join(" UNION ALL ", Collections.nCopies(parents, branch));
	}

	/** Whether (b) is answered in one statement ({@link #nestedInOne}) rather than three: {@code -Dbench.floor.oneStatement}. */
	private static final boolean ONE_STATEMENT = Boolean.getBoolean("bench.floor.oneStatement");

	// 3 and 4. n enterprises -> 10 projects each -> 10 investments each with the fund's name: three statements
	// (3 in one with ONE_STATEMENT).
	private Object nested(Map<String, String> params) throws SQLException {
		int n = Integer.parseInt(params.get("n"));
		if (n == 1 && ONE_STATEMENT) {
			return nestedInOne();
		}
		List<Map<String, Object>> enterprises = new ArrayList<>();
		Map<Long, List<Map<String, Object>>> projectsOf = new LinkedHashMap<>();
		try (Connection c = this.ds.getConnection()) {
			try (PreparedStatement s = c
				.prepareStatement("SELECT id, name FROM enterprise WHERE deleted_at IS NULL ORDER BY id LIMIT ?")) {
				s.setInt(1, n);
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						enterprises.add(enterprise(rs.getString(2), rs.getLong(1), projectsOf));
					}
				}
			}
			investments(c, projects(c, projectsOf, 10), 10);
		}
		return Map.of("enterprises", Map.of("nodes", enterprises));
	}

	// 3 in one statement: the enterprise, its first 10 projects (one seek, the enterprise found by a subquery) and
	// their first 10 investments each (ranked with ROW_NUMBER(), LEFT JOIN fund), one row per investment.
	private Object nestedInOne() throws SQLException {
		List<Map<String, Object>> enterprises = new ArrayList<>();
		try (Connection c = this.ds.getConnection();
				PreparedStatement s = c.prepareStatement("WITH e AS (SELECT id, name FROM enterprise WHERE deleted_at IS NULL "
						+ "ORDER BY id LIMIT 1), p AS (SELECT id, enterprise_id, name FROM project WHERE deleted_at IS NULL "
						+ "AND enterprise_id = (SELECT id FROM e) ORDER BY id LIMIT ?), i AS (SELECT id, project_id, amount, "
						+ "currency, fund_id, ROW_NUMBER() OVER (PARTITION BY project_id ORDER BY id) AS rn FROM investment "
						+ "WHERE deleted_at IS NULL AND project_id IN (SELECT id FROM p)) "
						+ "SELECT e.id, e.name, p.id, p.name, i.amount, i.currency, f.name FROM e "
						+ "LEFT JOIN p ON p.enterprise_id = e.id LEFT JOIN i ON i.project_id = p.id AND i.rn <= ? "
						+ "LEFT JOIN fund f ON f.id = i.fund_id ORDER BY p.id, i.id")) {
			s.setInt(1, 10);
			s.setInt(2, 10);
			try (ResultSet rs = s.executeQuery()) {
				List<Map<String, Object>> projects = null;
				List<Map<String, Object>> investments = null;
				long project = 0;
				while (rs.next()) {
					if (projects == null) {
						Map<Long, List<Map<String, Object>>> projectsOf = new HashMap<>();
						enterprises.add(enterprise(rs.getString(2), rs.getLong(1), projectsOf));
						projects = projectsOf.get(rs.getLong(1));
					}
					long id = rs.getLong(3);
					if (rs.wasNull()) {
						continue;
					}
					if (investments == null || id != project) {
						project = id;
						investments = new ArrayList<>();
						projects.add(project(rs.getString(4), investments));
					}
					BigDecimal amount = rs.getBigDecimal(5);
					if (amount != null) {
						investments.add(investment(amount, rs.getString(6), rs.getString(7)));
					}
				}
			}
		}
		return Map.of("enterprises", Map.of("nodes", enterprises));
	}

	// 9. Shape (a): sectors by id -> 5 enterprises each -> 3 projects each -> 4 investments each with the fund's
	// name: three statements, the sectors' codes read with their enterprises (the service keeps the sectors in memory).
	private Object sectors(Map<String, String> params) throws SQLException {
		List<Long> ids = new ArrayList<>();
		for (String id : params.get("ids").split(",")) {
			ids.add(GlobalId.keyOf(id, "Sector", "ids"));
		}
		Map<Long, Sector> sectors = new HashMap<>();
		Map<Long, List<Map<String, Object>>> projectsOf = new LinkedHashMap<>();
		try (Connection c = this.ds.getConnection()) {
			// the enterprises paged in a table of their own, which reads the sector's index in order and stops at
			// the limit (ORDER BY e.id over the join sorts all of the sector's enterprises first)
			try (PreparedStatement s = c.prepareStatement(seeks("(SELECT s.id, s.code, e.id, e.name FROM sector s LEFT JOIN "
					+ "(SELECT id, sector_id, name FROM enterprise WHERE sector_id = ? AND deleted_at IS NULL ORDER BY id LIMIT ?) e "
					+ "ON e.sector_id = s.id WHERE s.id = ? AND s.deleted_at IS NULL ORDER BY e.id LIMIT ?)", ids.size()))) {
				int i = 1;
				for (Long id : ids) {
					s.setLong(i++, id);
					s.setInt(i++, 5);
					s.setLong(i++, id);
					s.setInt(i++, 5);
				}
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						String code = rs.getString(2);
						List<Map<String, Object>> enterprises = sectors.computeIfAbsent(rs.getLong(1),
								(key) -> new Sector(code, new ArrayList<>())).enterprises();
						long enterprise = rs.getLong(3);
						if (!rs.wasNull()) {
							enterprises.add(enterprise(rs.getString(4), enterprise, projectsOf));
						}
					}
				}
			}
			investments(c, projects(c, projectsOf, 3), 4);
		}
		return nodes(ids, sectors);
	}

	/** A sector of (a) as its row gives it, its enterprises filled in as they come. */
	private record Sector(String code, List<Map<String, Object>> enterprises) {
	}

	/** (a)'s answer: the sectors in the order asked, null for a sector not found. */
	private static Map<String, Object> nodes(List<Long> ids, Map<Long, Sector> sectors) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		for (Long id : ids) {
			Sector sector = sectors.get(id);
			if (sector == null) {
				nodes.add(null);
				continue;
			}
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("code", sector.code());
			node.put("enterprises", Map.of("nodes", sector.enterprises()));
			nodes.add(node);
		}
		return Map.of("nodes", nodes);
	}

	/** An enterprise as the service writes it, its projects' list kept by its id for the next level. */
	private static Map<String, Object> enterprise(String name, long id, Map<Long, List<Map<String, Object>>> projectsOf) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("name", name);
		e.put("projects", Map.of("nodes", projectsOf.computeIfAbsent(id, (key) -> new ArrayList<>())));
		return e;
	}

	/**
	 * The first {@code limit} projects of each enterprise into its list, paged as the service pages a
	 * level (a seek per parent, or ROW_NUMBER() beyond 50 parents): the projects' investment lists, by project.
	 */
	private static Map<Long, List<Map<String, Object>>> projects(Connection c, Map<Long, List<Map<String, Object>>> projectsOf,
			int limit) throws SQLException {
		Map<Long, List<Map<String, Object>>> investmentsOf = new LinkedHashMap<>();
		if (projectsOf.isEmpty()) {
			return investmentsOf;
		}
		boolean seeks = projectsOf.size() <= MAX_BRANCHES;
		String sql = seeks
				? seeks("(SELECT id, enterprise_id, name FROM project WHERE deleted_at IS NULL AND enterprise_id = ? "
						+ "ORDER BY id LIMIT ?)", projectsOf.size())
				: "SELECT id, enterprise_id, name FROM (SELECT id, enterprise_id, name, ROW_NUMBER() OVER "
						+ "(PARTITION BY enterprise_id ORDER BY id) AS rn FROM project WHERE deleted_at IS NULL "
						+ "AND enterprise_id IN (" + placeholders(projectsOf.size()) + ")) t WHERE rn <= ? "
						+ "ORDER BY enterprise_id, id";
		try (PreparedStatement s = c.prepareStatement(sql)) {
			bind(s, projectsOf.keySet(), limit, seeks);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					List<Map<String, Object>> investments = new ArrayList<>();
					investmentsOf.put(rs.getLong(1), investments);
					projectsOf.get(rs.getLong(2)).add(project(rs.getString(3), investments));
				}
			}
		}
		return investmentsOf;
	}

	/** The first {@code limit} investments of each project, with the fund's name, into its list, paged as {@link #projects}. */
	private static void investments(Connection c, Map<Long, List<Map<String, Object>>> investmentsOf, int limit)
			throws SQLException {
		if (investmentsOf.isEmpty()) {
			return;
		}
		boolean seeks = investmentsOf.size() <= MAX_BRANCHES;
		String sql = seeks
				? seeks("(SELECT i.project_id, i.amount, i.currency, f.name FROM investment i LEFT JOIN fund f "
						+ "ON f.id = i.fund_id WHERE i.deleted_at IS NULL AND i.project_id = ? ORDER BY i.id LIMIT ?)",
						investmentsOf.size())
				: "SELECT t.project_id, t.amount, t.currency, f.name FROM (SELECT id, project_id, amount, currency, "
						+ "fund_id, ROW_NUMBER() OVER (PARTITION BY project_id ORDER BY id) AS rn FROM investment "
						+ "WHERE deleted_at IS NULL AND project_id IN (" + placeholders(investmentsOf.size())
						+ ")) t LEFT JOIN fund f ON f.id = t.fund_id WHERE t.rn <= ? ORDER BY t.project_id, t.id";
		try (PreparedStatement s = c.prepareStatement(sql)) {
			bind(s, investmentsOf.keySet(), limit, seeks);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					investmentsOf.get(rs.getLong(1)).add(investment(rs.getBigDecimal(2), rs.getString(3), rs.getString(4)));
				}
			}
		}
	}

	/** A project as the service writes it, with the list its investments go into. */
	private static Map<String, Object> project(String name, List<Map<String, Object>> investments) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", name);
		p.put("investments", Map.of("nodes", investments));
		return p;
	}

	/** An investment as the service writes it: its amount, and its fund's name or null. */
	private static Map<String, Object> investment(BigDecimal amount, String currency, String fund) {
		Map<String, Object> inv = new LinkedHashMap<>();
		inv.put("amount", money(amount, currency));
		inv.put("fund", (fund == null) ? null : Map.of("name", fund));
		return inv;
	}

	/** The parents' ids, each followed by the limit (a seek per parent), or all of them and then the limit. */
	private static void bind(PreparedStatement s, Collection<Long> parents, int limit, boolean seeks) throws SQLException {
		int i = 1;
		for (Long id : parents) {
			s.setLong(i++, id);
			if (seeks) {
				s.setInt(i++, limit);
			}
		}
		if (!seeks) {
			s.setInt(i, limit);
		}
	}

	// 5. investmentSummary(groupBy: [SECTOR, YEAR]) from the totals: one statement.
	private Object summary(Map<String, String> params) throws SQLException {
		List<Map<String, Object>> groups = new ArrayList<>();
		try (Connection c = this.ds.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT t.sector_id, s.code, s.name, t.year, t.currency, "
						+ "SUM(t.row_count), SUM(t.total) FROM investment_total t LEFT JOIN sector s ON s.id = t.sector_id "
						+ "GROUP BY t.sector_id, t.year, t.currency ORDER BY t.sector_id, t.year, t.currency LIMIT 1000");
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				Map<String, Object> g = new LinkedHashMap<>();
				if (rs.getString(2) != null) {
					Map<String, Object> sector = new LinkedHashMap<>();
					sector.put("code", rs.getString(2));
					sector.put("name", rs.getString(3));
					g.put("sector", sector);
				}
				else {
					g.put("sector", null);
				}
				g.put("year", rs.getInt(4));
				g.put("currency", rs.getString(5));
				g.put("count", rs.getLong(6));
				g.put("total", Map.of("amount", plain(rs.getBigDecimal(7), 8)));
				groups.add(g);
			}
		}
		return Map.of("investmentSummary", groups);
	}

}
