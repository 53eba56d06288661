package cn.changhe.portfolio.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

/** What a field's selection asks for. */
public final class Selections {

	private Selections() {
	}

	/**
	 * Whether the field's selection asks for a subfield of one of the names, read from the document
	 * itself: graphql-java's selection set would build the whole normalized operation once and then
	 * walk it for every parent.
	 */
	public static boolean asks(DataFetchingEnvironment env, String... names) {
		return asks(env, Set.of(names));
	}

	private static boolean asks(DataFetchingEnvironment env, Set<String> names) {
		return asks(env.getMergedField().getFields(), env.getFragmentsByName(), names);
	}

	/** The same, of the fields merged at one place of a document. */
	static boolean asks(List<Field> merged, Map<String, FragmentDefinition> fragments, Set<String> names) {
		for (Field field : merged) {
			if (asks(field.getSelectionSet(), names, fragments)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The names of the fields the field's selection asks for, through fragments of any type.
	 * Directives are not evaluated: a skipped field counts as asked.
	 */
	public static Set<String> of(DataFetchingEnvironment env) {
		Set<String> names = new HashSet<>();
		for (Field field : env.getMergedField().getFields()) {
			addNames(field, env.getFragmentsByName(), names);
		}
		return names;
	}

	/**
	 * The names of the fields a connection field's selection asks of its rows, under {@code nodes}
	 * or {@code edges { node }}, through fragments of any type (so never fewer than a row of the
	 * connection's type is asked for). Directives are not evaluated: a skipped field counts as asked.
	 */
	public static Set<String> ofNodes(DataFetchingEnvironment env) {
		return ofNodes(env.getMergedField().getFields(), env.getFragmentsByName());
	}

	/** The same, of the fields merged at one place of a document. */
	static Set<String> ofNodes(List<Field> merged, Map<String, FragmentDefinition> fragments) {
		Set<String> names = new HashSet<>();
		for (Field field : merged) {
			for (Field connection : fields(field.getSelectionSet(), fragments)) {
				if (connection.getName().equals("nodes")) {
					addNames(connection, fragments, names);
				}
				else if (connection.getName().equals("edges")) {
					for (Field edge : fields(connection.getSelectionSet(), fragments)) {
						if (edge.getName().equals("node")) {
							addNames(edge, fragments, names);
						}
					}
				}
			}
		}
		return names;
	}

	/** Whether the selections ask for a field of one of the names, directly or through fragments. */
	public static boolean asks(SelectionSet selections, Set<String> names, Map<String, FragmentDefinition> fragments) {
		return fields(selections, fragments).stream().anyMatch((field) -> names.contains(field.getName()));
	}

	private static void addNames(Field field, Map<String, FragmentDefinition> fragments, Set<String> names) {
		fields(field.getSelectionSet(), fragments).forEach((selected) -> names.add(selected.getName()));
	}

	/** The fields of the selections, directly or through fragments (of any type), in document order. */
	private static List<Field> fields(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
		List<Field> fields = new ArrayList<>();
		addFields(selections, fragments, fields);
		return fields;
	}

	private static void addFields(SelectionSet selections, Map<String, FragmentDefinition> fragments, List<Field> fields) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				fields.add(field);
			}
			else if (selection instanceof InlineFragment inline) {
				addFields(inline.getSelectionSet(), fragments, fields);
			}
			else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
				addFields(fragments.get(spread.getName()).getSelectionSet(), fragments, fields);
			}
		}
	}

}
