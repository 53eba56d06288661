package cn.changhe.portfolio.graph;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset pages through whole connections, forwards and backwards, in every ordering, without
 * gaps or repeats, also while rows are inserted.
 */
class PaginationTest extends ApiTest {

	// language=GraphQL
	private static final String PROJECTS = """
			query($order: ProjectOrder, $first: Int, $after: String, $last: Int, $before: String) {
			  projects(orderBy: $order, first: $first, after: $after, last: $last, before: $before) {
			    totalCount
			    nodes { id name totalInvestment { amount } updatedAt milestones { stage reachedOn } }
			    edges { cursor node { id } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}""";

	@Test
	void forwardsThroughEveryOrderingWithoutGapsOrRepeats() {
		int total = query(PROJECTS, "projects.totalCount", Map.of("first", 1));
		for (Map<String, Object> order : orderings()) {
			List<Map<String, Object>> rows = forwards(order, 7);
			assertThat(rows).as("rows ordered by %s", order).hasSize(total);
			assertThat(rows.stream().map((r) -> r.get("id")).distinct()).hasSize(total);
			assertOrdered(rows, order);
		}
	}

	@Test
	void backwardsGivesTheSameRowsInTheSameOrder() {
		for (Map<String, Object> order : orderings()) {
			List<Object> forwards = forwards(order, 9).stream().map((r) -> r.get("id")).toList();
			List<Object> backwards = new ArrayList<>();
			String before = null;
			boolean more = true;
			while (more) {
				Map<String, Object> variables = new java.util.HashMap<>(Map.of("order", order, "last", 9));
				if (before != null) {
					variables.put("before", before);
				}
				Map<String, Object> page = query(PROJECTS, "projects", variables);
				List<Map<String, Object>> nodes = (List<Map<String, Object>>) page.get("nodes");
				List<Object> ids = new ArrayList<>(nodes.stream().map((n) -> n.get("id")).toList());
				Collections.reverse(ids);
				backwards.addAll(ids);
				Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
				more = (Boolean) info.get("hasPreviousPage");
				before = (String) info.get("startCursor");
			}
			Collections.reverse(backwards);
			assertThat(backwards).as("backwards by %s", order).isEqualTo(forwards);
		}
	}

	@Test
	void edgesCarryTheCursorsThatPageInfoGives() {
		Map<String, Object> page = query(PROJECTS, "projects", Map.of("first", 5));
		List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
		Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
		assertThat(info.get("startCursor")).isEqualTo(edges.get(0).get("cursor"));
		assertThat(info.get("endCursor")).isEqualTo(edges.get(4).get("cursor"));
		assertThat(info).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false);
		Map<String, Object> next = query(PROJECTS, "projects", Map.of("first", 5, "after", info.get("endCursor")));
		assertThat(((Map<String, Object>) next.get("pageInfo"))).containsEntry("hasPreviousPage", true);
	}

	@Test
	void pagesStayStableWhileRowsAreInserted() {
		// language=GraphQL
		String enterprises = """
				query($after: String) {
				  enterprises(orderBy: { field: NAME }, first: 10, after: $after) {
				    nodes { id name } pageInfo { hasNextPage endCursor }
				  }
				}""";
		Set<Object> before = new HashSet<>(
				query("{ enterprises(first: 100) { nodes { id } } }", "enterprises.nodes[*].id"));
		before.addAll(query("query($a: String) { enterprises(first: 100, after: $a) { nodes { id } } }",
				"enterprises.nodes[*].id",
				Map.of("a", query("{ enterprises(first: 100) { pageInfo { endCursor } } }", "enterprises.pageInfo.endCursor"))));
		List<Object> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		int inserted = 0;
		try {
			while (more) {
			Map<String, Object> variables = new java.util.HashMap<>();
			variables.put("after", after);
			Map<String, Object> page = query(enterprises, "enterprises", variables);
			((List<Map<String, Object>>) page.get("nodes")).forEach((n) -> seen.add(n.get("id")));
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			more = (Boolean) info.get("hasNextPage");
			after = (String) info.get("endCursor");
			// Names that sort before, among and after the rows seen so far.
			for (String name : List.of("阿" + inserted, "湖州长合" + inserted, "龙" + inserted)) {
				this.jdbc.update("INSERT INTO enterprise (uscc, name, provenance) VALUES (?, ?, 'ILLUSTRATIVE')",
						String.format("TEST%014d", 10_000 + inserted), name + "分页测试");
				inserted++;
			}
			}
		}
		finally {
			this.jdbc.update("DELETE FROM enterprise WHERE name LIKE '%分页测试'");
		}
		assertThat(seen).doesNotHaveDuplicates().containsAll(before);
		assertThat(inserted).isGreaterThan(30);
	}

	@Test
	void aCursorOfAnotherOrderingIsRefused() {
		String byName = query(PROJECTS, "projects.pageInfo.endCursor", Map.of("first", 3, "order", Map.of("field", "NAME")));
		this.graphQl.document(PROJECTS)
			.variable("first", 3)
			.variable("after", byName)
			.variable("order", Map.of("field", "TOTAL_INVESTMENT"))
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getMessage()).contains("`after`").contains("another ordering");
				assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
			});
	}

	@Test
	void aForgedCursorIsABadRequest() {
		this.graphQl.document(PROJECTS).variable("first", 3).variable("after", "bm90IGEgY3Vyc29y").execute().errors().satisfy((errors) -> {
			assertThat(errors.get(0).getMessage()).contains("`after` is not a cursor");
			assertThat(errors.get(0).getExtensions()).containsEntry("argument", "after");
		});
	}

	@Test
	void firstAndLastTogetherAndPagesOverOneHundredAreRefused() {
		this.graphQl.document(PROJECTS).variable("first", 3).variable("last", 3).execute().errors().satisfy((errors) -> {
			assertThat(errors.get(0).getMessage()).contains("not both");
		});
		this.graphQl.document(PROJECTS).variable("last", 101).execute().errors().satisfy((errors) -> {
			assertThat(errors.get(0).getMessage()).contains("`last`").contains("100");
		});
		refused(this.graphQl, "{ enterprises(first: 1) { nodes { projects(first: 101) { totalCount } } } }",
				(errors) -> assertThat(errors.get(0).getMessage()).contains("`first`").contains("100"));
	}

	@Test
	void orderingByAStageDateNeedsTheStage() {
		this.graphQl.document(PROJECTS)
			.variable("order", Map.of("field", "STAGE_REACHED_ON"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getMessage()).contains("`orderBy.stage`"));
	}

	@Test
	void aNestedConnectionPagesOnForOneParent() {
		// language=GraphQL
		String query = """
				query($after: String) {
				  sectors(leading: true) { code projects(first: 4, after: $after) { nodes { id } pageInfo { endCursor } } }
				}""";
		List<Object> firstPage = query(query, "sectors[0].projects.nodes[*].id", new java.util.HashMap<>());
		String cursor = query(query, "sectors[0].projects.pageInfo.endCursor", new java.util.HashMap<>());
		List<Object> secondPage = query(query, "sectors[0].projects.nodes[*].id", Map.of("after", cursor));
		List<Object> both = query("{ sectors(leading: true) { projects(first: 8) { nodes { id } } } }",
				"sectors[0].projects.nodes[*].id");
		List<Object> expected = new ArrayList<>(firstPage);
		expected.addAll(secondPage);
		assertThat(expected).isEqualTo(both);
	}

	private List<Map<String, Object>> orderings() {
		return List.of(Map.of("field", "ID"), Map.of("field", "ID", "direction", "DESC"), Map.of("field", "NAME"),
				Map.of("field", "TOTAL_INVESTMENT", "direction", "DESC"), Map.of("field", "TOTAL_INVESTMENT"),
				Map.of("field", "STAGE_REACHED_ON", "stage", "STARTED"),
				Map.of("field", "STAGE_REACHED_ON", "stage", "COMPLETED", "direction", "DESC"),
				Map.of("field", "UPDATED_AT", "direction", "DESC"));
	}

	private List<Map<String, Object>> forwards(Map<String, Object> order, int size) {
		List<Map<String, Object>> rows = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			Map<String, Object> variables = new java.util.HashMap<>(Map.of("order", order, "first", size));
			if (after != null) {
				variables.put("after", after);
			}
			Map<String, Object> page = query(PROJECTS, "projects", variables);
			rows.addAll((List<Map<String, Object>>) page.get("nodes"));
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			more = (Boolean) info.get("hasNextPage");
			after = (String) info.get("endCursor");
		}
		return rows;
	}

	private static void assertOrdered(List<Map<String, Object>> rows, Map<String, Object> order) {
		boolean descending = "DESC".equals(order.get("direction"));
		for (int i = 1; i < rows.size(); i++) {
			int compared = switch ((String) order.get("field")) {
				case "TOTAL_INVESTMENT" -> amount(rows.get(i - 1)).compareTo(amount(rows.get(i)));
				case "UPDATED_AT" -> ((String) rows.get(i - 1).get("updatedAt")).compareTo((String) rows.get(i).get("updatedAt"));
				case "STAGE_REACHED_ON" -> reached(rows.get(i - 1), (String) order.get("stage"))
					.compareTo(reached(rows.get(i), (String) order.get("stage")));
				default -> 0;
			};
			assertThat(descending ? -compared : compared).as("row %d by %s", i, order).isLessThanOrEqualTo(0);
		}
	}

	private static BigDecimal amount(Map<String, Object> row) {
		return new BigDecimal(((Map<?, ?>) row.get("totalInvestment")).get("amount").toString());
	}

	private static String reached(Map<String, Object> row, String stage) {
		return ((List<Map<String, String>>) row.get("milestones")).stream()
			.filter((m) -> stage.equals(m.get("stage")))
			.map((m) -> m.get("reachedOn"))
			.findFirst()
			.orElse("9999-12-31");
	}

}
