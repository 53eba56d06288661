package cn.changhe.portfolio.graphql;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
	 * Whether the field's selection asks for a subfield of that name, read from the document itself:
	 * graphql-java's selection set would build the whole normalized operation once and then walk it
	 * for every parent.
	 */
	public static boolean asks(DataFetchingEnvironment env, String name) {
		Set<String> names = Set.of(name);
		for (Field field : env.getMergedField().getFields()) {
			if (asks(field.getSelectionSet(), names, env.getFragmentsByName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The names of the fields a connection field's selection asks of its rows, under {@code nodes}
	 * or {@code edges { node }}, through fragments of any type (so never fewer than a row of the
	 * connection's type is asked for). Directives are not evaluated: a skipped field counts as asked.
	 */
	public static Set<String> ofNodes(DataFetchingEnvironment env) {
		Set<String> names = new HashSet<>();
		Map<String, FragmentDefinition> fragments = env.getFragmentsByName();
		for (Field field : env.getMergedField().getFields()) {
			forEachField(field.getSelectionSet(), fragments, (connection) -> {
				if (connection.getName().equals("nodes")) {
					forEachField(connection.getSelectionSet(), fragments, (row) -> names.add(row.getName()));
				}
				else if (connection.getName().equals("edges")) {
					forEachField(connection.getSelectionSet(), fragments, (edge) -> {
						if (edge.getName().equals("node")) {
							forEachField(edge.getSelectionSet(), fragments, (row) -> names.add(row.getName()));
						}
					});
				}
			});
		}
		return names;
	}

	/** Each field of the selections, directly or through fragments. */
	private static void forEachField(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			Consumer<Field> action) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				action.accept(field);
			}
			else if (selection instanceof InlineFragment inline) {
				forEachField(inline.getSelectionSet(), fragments, action);
			}
			else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
				forEachField(fragments.get(spread.getName()).getSelectionSet(), fragments, action);
			}
		}
	}

	/** Whether the selections ask for a field of one of the names, directly or through fragments. */
	public static boolean asks(SelectionSet selections, Set<String> names, Map<String, FragmentDefinition> fragments) {
		if (selections == null) {
			return false;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field && names.contains(field.getName())
					|| selection instanceof InlineFragment inline && asks(inline.getSelectionSet(), names, fragments)
					|| selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
							&& asks(fragments.get(spread.getName()).getSelectionSet(), names, fragments)) {
				return true;
			}
		}
		return false;
	}

}
