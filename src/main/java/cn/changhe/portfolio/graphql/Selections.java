package cn.changhe.portfolio.graphql;

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
