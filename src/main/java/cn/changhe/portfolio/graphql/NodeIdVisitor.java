package cn.changhe.portfolio.graphql;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Serves {@code id} of every object type that implements {@code Node} as the global id of its
 * record, so that records keep their row id and no feature encodes ids by hand.
 */
class NodeIdVisitor extends GraphQLTypeVisitorStub {

	@Override
	public TraversalControl visitGraphQLObjectType(GraphQLObjectType type, TraverserContext<GraphQLSchemaElement> context) {
		boolean isNode = type.getInterfaces().stream().anyMatch((i) -> "Node".equals(i.getName()));
		if (isNode) {
			String typeName = type.getName();
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			PlainFetcher<String> id = (source, arguments) -> GlobalId.encode(typeName, ((Identified) source).id());
			registry.dataFetcher(FieldCoordinates.coordinates(typeName, "id"), id);
		}
		return TraversalControl.CONTINUE;
	}

}
