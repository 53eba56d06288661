package cn.changhe.portfolio.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.changhe.portfolio.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements are prepared on the database server, and where it will prepare no more (its
 * {@code max_prepared_stmt_count} reached, by many instances on one database), they still run, and
 * answer the same.
 */
class PreparedStatementsTest extends ApiTest {

	// language=GraphQL
	private static final String ENTERPRISES = """
			query ($n: Int) { enterprises(first: $n) { nodes { name projects(first: 2) { nodes { name } } } } }""";

	@Test
	void aQueryRunsAsStatementsPreparedOnTheServer() {
		long before = status("Com_stmt_execute");
		List<String> names = names(answer(3));
		assertThat(names).hasSize(3).doesNotContainNull();
		assertThat(status("Com_stmt_execute")).isGreaterThan(before);
	}

	@Test
	void withTheServerPreparingNoMoreStatementsQueriesStillAnswer() {
		// eleven enterprises: their projects are a statement of eleven seeks, which no other test sends
		List<Map<String, Object>> expected = expected(11);
		assertThat(expected).hasSize(11);
		long limit = this.jdbc.queryForObject("SELECT @@GLOBAL.max_prepared_stmt_count", Long.class);
		this.jdbc.execute("SET GLOBAL max_prepared_stmt_count = 0");
		try {
			assertThat(answer(11)).isEqualTo(expected);
		}
		finally {
			this.jdbc.execute("SET GLOBAL max_prepared_stmt_count = " + limit);
		}
		assertThat(answer(11)).isEqualTo(expected);
	}

	private List<Map<String, Object>> answer(int n) {
		return query(ENTERPRISES, "enterprises.nodes", Map.of("n", n));
	}

	/** The first enterprises and their first two projects each, as the answer holds them, read in SQL. */
	private List<Map<String, Object>> expected(int n) {
		List<Map<String, Object>> enterprises = new ArrayList<>();
		this.jdbc.query("SELECT id, name FROM enterprise WHERE deleted_at IS NULL ORDER BY id LIMIT ?", (row) -> {
			List<Map<String, Object>> projects = this.jdbc.queryForList(
					"SELECT name FROM project WHERE deleted_at IS NULL AND enterprise_id = ? ORDER BY id LIMIT 2", row.getLong("id"));
			enterprises.add(Map.of("name", row.getString("name"), "projects", Map.of("nodes", projects)));
		}, n);
		return enterprises;
	}

	private static List<String> names(List<Map<String, Object>> enterprises) {
		return enterprises.stream().map((enterprise) -> (String) enterprise.get("name")).toList();
	}

	private long status(String name) {
		return this.jdbc.queryForObject("SHOW GLOBAL STATUS LIKE '" + name + "'", (row, i) -> row.getLong(2));
	}

}
