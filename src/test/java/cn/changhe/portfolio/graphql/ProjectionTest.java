package cn.changhe.portfolio.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page reads only the columns its selection needs ({@link Projection}), and that never changes an
 * answer: for every field of a listed type, a page that selects that field alone (with the id) shows
 * the same value, row for row, as {@code nodes(ids:)} shows for the same rows, read whole. The
 * fields are read from the schema, so a field added later is covered as soon as it exists.
 */
class ProjectionTest extends ApiTest {

	/**
	 * Selected beside a row's fields in {@code nodes(ids:)}, a field no listed type has: a lookup that
	 * reads only the columns of the fields selected ({@code ProjectRepository}) reads every column
	 * for a field it does not know, so that the rows compared with are read whole.
	 */
	private static final String WHOLE = "... on Sector { leading }";

	@Test
	void eachFieldOfEnterprisesAloneReadsWhatAllFieldsRead() {
		sameAlone("Enterprise", "{ enterprises(first: 100) { nodes { %s } } }", "enterprises.nodes[*]");
	}

	@Test
	void eachFieldOfProjectsAloneReadsWhatAllFieldsRead() {
		sameAlone("Project", "{ projects(first: 100) { nodes { %s } } }", "projects.nodes[*]");
		sameAlone("Project", "{ projects(first: 100, orderBy: { field: TOTAL_INVESTMENT }) { edges { node { %s } } } }",
				"projects.edges[*].node");
	}

	@Test
	void eachFieldOfAnEnterprisesProjectsAloneReadsWhatAllFieldsRead() {
		sameAlone("Project", "{ enterprises(first: 60) { nodes { projects(first: 5) { nodes { %s } } } } }",
				"enterprises.nodes[*].projects.nodes[*]");
	}

	@Test
	void eachFieldOfInvestmentsAloneReadsWhatAllFieldsRead() {
		sameAlone("Investment", "{ investments(first: 100) { nodes { %s } } }", "investments.nodes[*]");
		sameAlone("Investment", "{ projects(first: 60) { nodes { investments(first: 5) { nodes { %s } } } } }",
				"projects.nodes[*].investments.nodes[*]");
		sameAlone("Investment",
				"{ funds(first: 20) { nodes { investments(first: 10) { edges { node { ... on Node { ... Row } } } } } } }"
						+ " fragment Row on Investment { %s }",
				"funds.nodes[*].investments.edges[*].node");
	}

	/**
	 * Asks the page with each field alone and requires each row's value to be the row's own, as
	 * {@code nodes(ids:)} gives it with every field.
	 * @param document the page, with {@code %s} where a row's selection goes
	 * @param rows the JSON path of the rows
	 */
	private void sameAlone(String type, String document, String rows) {
		Map<String, String> selections = selections(type);
		List<String> ids = query(document.formatted("id"), rows + ".id");
		assertThat(ids).as("rows of %s", document).hasSizeGreaterThan(20);
		List<Map<String, Object>> all = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 100) {
			all.addAll(query("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on " + type + " { "
					+ String.join(" ", selections.values()) + " } " + WHOLE + " } }", "nodes",
					Map.of("ids", ids.subList(from, Math.min(from + 100, ids.size())))));
		}
		assertThat(all).extracting((row) -> row.get("id")).containsExactlyElementsOf(ids);
		for (Map.Entry<String, String> field : selections.entrySet()) {
			List<Map<String, Object>> alone = query(document.formatted("id " + field.getValue()), rows);
			assertThat(alone).as("rows with %s alone", field.getKey()).hasSameSizeAs(all);
			for (int i = 0; i < all.size(); i++) {
				assertThat(alone.get(i)).as("%s of row %d (%s) in %s", field.getKey(), i, all.get(i).get("id"), document)
					.containsOnlyKeys("id", field.getKey())
					.containsEntry("id", all.get(i).get("id"))
					.containsEntry(field.getKey(), all.get(i).get(field.getKey()));
			}
		}
	}

	/**
	 * A selection of each field of the type that needs no argument: a leaf as it is, an object with
	 * the leaves below it (and an id where it has one), a connection with its count and ids.
	 */
	private Map<String, String> selections(String type) {
		Map<String, String> selections = new LinkedHashMap<>();
		for (Map<String, Object> field : fields(type)) {
			String name = (String) field.get("name");
			if (name.equals("id")) {
				continue;
			}
			String named = named(field);
			if (leaf(field)) {
				selections.put(name, name);
			}
			else if (named.endsWith("Connection")) {
				selections.put(name, name + "(first: 3) { totalCount nodes { id } }");
			}
			else {
				List<String> below = new ArrayList<>();
				for (Map<String, Object> sub : fields(named)) {
					if (leaf(sub)) {
						below.add((String) sub.get("name"));
					}
				}
				selections.put(name, name + " { __typename " + String.join(" ", below) + " }");
			}
		}
		assertThat(selections).as("fields of %s", type).hasSizeGreaterThan(10);
		return selections;
	}

	private List<Map<String, Object>> fields(String type) {
		// language=GraphQL
		String query = """
				query($type: String!) { __type(name: $type) { fields {
				  name args { name type { kind } }
				  type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }""";
		List<Map<String, Object>> fields = query(query, "__type.fields", Map.of("type", type));
		return fields.stream()
			.filter((field) -> ((List<?>) field.get("args")).stream()
				.noneMatch((arg) -> "NON_NULL".equals(kind(((Map<?, ?>) arg).get("type")))))
			.toList();
	}

	private static boolean leaf(Map<String, Object> field) {
		return Set.of("SCALAR", "ENUM").contains(innermost(field.get("type")).get("kind"));
	}

	private static String named(Map<String, Object> field) {
		return (String) innermost(field.get("type")).get("name");
	}

	private static Map<?, ?> innermost(Object type) {
		Map<?, ?> at = (Map<?, ?>) type;
		while (at.get("ofType") != null) {
			at = (Map<?, ?>) at.get("ofType");
		}
		return at;
	}

	private static Object kind(Object type) {
		return ((Map<?, ?>) type).get("kind");
	}

}
