package cn.changhe.portfolio.graphql;

import java.util.Map;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedSchemaElement;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Describes, once for the whole schema, what its conventions mean wherever the SDL says nothing
 * more particular: ids, provenance, timestamps and versions, and the connections, edges, page
 * arguments and orderings of every list.
 */
class SchemaConventions extends GraphQLTypeVisitorStub {

	private static final Map<String, String> FIELDS = Map.ofEntries(
			Map.entry("id", "Opaque global id; `node(id:)` fetches the object again."),
			Map.entry("nameEn", "English name, where there is one (some are the project's own translations)."),
			Map.entry("provenance", "Where the record comes from: REPORTED with its source, or ILLUSTRATIVE."),
			Map.entry("createdAt", "When the record was created (UTC)."),
			Map.entry("updatedAt", "When the record last changed (UTC); see `updatedSince` for incremental pulls."),
			Map.entry("version", "Incremented by every change; updates name the version they expect."),
			Map.entry("year", "The calendar year."));

	private static final Map<String, String> CONNECTION_FIELDS = Map.of(
			"totalCount", "How many rows match, over all pages (counted only when asked for).",
			"nodes", "The rows of this page, in order.",
			"edges", "The rows of this page, each with its cursor.",
			"pageInfo", "Where this page stands in the whole list, and the cursors to page on from.");

	private static final Map<String, String> EDGE_FIELDS = Map.of(
			"cursor", "The row's position in the connection: pass it as `after` or `before`.",
			"node", "The row.");

	private static final Map<String, String> ARGUMENTS = Map.of(
			"input", "What to write; see the input type for each field's rules.",
			"first", "Page forwards: at most this many rows (default 20, at most 100).",
			"after", "Page forwards from after this cursor.",
			"last", "Page backwards: at most this many rows before `before`, or the end (at most 100).",
			"before", "Page backwards from before this cursor.",
			"filter", "Only the rows that match; all given fields combine with AND.",
			"orderBy", "The order of the rows (default: the order they were recorded in); ties are broken by id.");

	private static final Map<String, String> ORDER_FIELDS = Map.of(
			"field", "What to order by.",
			"direction", "Ascending (default) or descending.");

	private static final Map<String, String> ORDER_VALUES = Map.of(
			"ID", "The order the rows were recorded in.",
			"NAME", "Chinese name.",
			"UPDATED_AT", "Last change: with `updatedSince`, what changed since a partner's last pull.",
			"YEAR", "Year.",
			"TITLE", "Title.",
			"SIZE", "Fund size.",
			"VINTAGE_YEAR", "The year the fund was set up.");

	@Override
	public TraversalControl visitGraphQLObjectType(GraphQLObjectType type, TraverserContext<GraphQLSchemaElement> context) {
		if (type.getDescription() == null && type.getName().endsWith("Connection")) {
			return changeNode(context, type.transform((b) -> b.description("A page of " + rows(type, "Connection") + ".")));
		}
		if (type.getDescription() == null && type.getName().endsWith("Edge")) {
			return changeNode(context, type.transform((b) -> b.description("One of " + rows(type, "Edge") + " with its cursor.")));
		}
		return TraversalControl.CONTINUE;
	}

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		if (field.getDescription() != null) {
			return TraversalControl.CONTINUE;
		}
		String owner = ownerName(context);
		String description = owner.endsWith("Connection") ? CONNECTION_FIELDS.get(field.getName())
				: owner.endsWith("Edge") ? EDGE_FIELDS.get(field.getName()) : FIELDS.get(field.getName());
		return (description != null) ? changeNode(context, field.transform((b) -> b.description(description)))
				: TraversalControl.CONTINUE;
	}

	@Override
	public TraversalControl visitGraphQLArgument(GraphQLArgument argument, TraverserContext<GraphQLSchemaElement> context) {
		String description = ARGUMENTS.get(argument.getName());
		return (argument.getDescription() == null && description != null)
				? changeNode(context, argument.transform((b) -> b.description(description))) : TraversalControl.CONTINUE;
	}

	@Override
	public TraversalControl visitGraphQLInputObjectType(GraphQLInputObjectType type,
			TraverserContext<GraphQLSchemaElement> context) {
		if (type.getDescription() == null && type.getName().endsWith("Order")) {
			return changeNode(context, type.transform((b) -> b.description("How to order the rows.")));
		}
		return TraversalControl.CONTINUE;
	}

	@Override
	public TraversalControl visitGraphQLInputObjectField(GraphQLInputObjectField field,
			TraverserContext<GraphQLSchemaElement> context) {
		if (field.getDescription() != null) {
			return TraversalControl.CONTINUE;
		}
		String owner = ownerName(context);
		String description = owner.endsWith("Order") ? ORDER_FIELDS.get(field.getName())
				: switch (field.getName()) {
					case "yearFrom", "vintageYearFrom" -> "From this year on (inclusive).";
					case "yearTo", "vintageYearTo" -> "Up to this year (inclusive).";
					default -> null;
				};
		return (description != null) ? changeNode(context, field.transform((b) -> b.description(description)))
				: TraversalControl.CONTINUE;
	}

	@Override
	public TraversalControl visitGraphQLEnumType(GraphQLEnumType type, TraverserContext<GraphQLSchemaElement> context) {
		if (!type.getName().endsWith("OrderField")) {
			return TraversalControl.CONTINUE;
		}
		GraphQLEnumType described = type.transform((b) -> {
			if (type.getDescription() == null) {
				b.description("What to order the rows by.");
			}
			type.getValues()
				.stream()
				.filter((value) -> value.getDescription() == null && ORDER_VALUES.containsKey(value.getName()))
				.forEach((value) -> b.value(value.transform((v) -> v.description(ORDER_VALUES.get(value.getName())))));
		});
		return changeNode(context, described);
	}

	private static String rows(GraphQLObjectType type, String suffix) {
		return "the list of " + type.getName().substring(0, type.getName().length() - suffix.length());
	}

	private static String ownerName(TraverserContext<GraphQLSchemaElement> context) {
		GraphQLSchemaElement parent = context.getParentNode();
		return (parent instanceof GraphQLNamedSchemaElement named) ? named.getName() : "";
	}

}
