package cn.changhe.portfolio.graphql;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.changhe.portfolio.ApiTest;
import graphql.introspection.IntrospectionQuery;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /graphql/schema} publishes the schema as SDL: the same types and fields that
 * introspection answers, for API clients only, as introspection is.
 *
 * <p>It is checked against its committed snapshot, {@code schema/published.graphql}, with
 * graphql-java's {@code SchemaDiff}: a breaking change (a type, field, argument or enum value
 * removed or retyped, a new required argument or input field) fails the build unless what it
 * breaks was deprecated ({@code @deprecated(reason:)}) in the snapshot; and the snapshot must be the
 * schema now published, so that each change to it is committed with its line in
 * {@code schema/CHANGELOG.md}. {@code -DupdateSchemaSnapshot=true} writes the snapshot again, when no
 * change breaks.
 */
class PublishedSchemaTest extends ApiTest {

	private static final Path SNAPSHOT = Path.of("schema/published.graphql");

	@Test
	void theSdlHoldsTheTypesAndFieldsIntrospectionAnswers() {
		String sdl = published();
		assertThat(sdl).contains("type Enterprise", "\"\"\"");
		TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
		Map<String, TreeSet<String>> published = new TreeMap<>();
		for (TypeDefinition<?> type : registry.types().values()) {
			TreeSet<String> fields = new TreeSet<>();
			if (type instanceof ImplementingTypeDefinition<?> object) {
				object.getFieldDefinitions().stream().map(FieldDefinition::getName).forEach(fields::add);
			}
			if (type instanceof InputObjectTypeDefinition input) {
				input.getInputValueDefinitions().stream().map(InputValueDefinition::getName).forEach(fields::add);
			}
			published.put(type.getName(), fields);
		}
		List<Map<String, Object>> types = query(IntrospectionQuery.INTROSPECTION_QUERY, "__schema.types");
		Map<String, TreeSet<String>> introspected = new TreeMap<>();
		for (Map<String, Object> type : types) {
			String name = (String) type.get("name");
			if (name.startsWith("__") || List.of("String", "Boolean", "Int", "Float", "ID").contains(name)
					|| type.get("kind").equals("SCALAR")) {
				continue;
			}
			TreeSet<String> fields = new TreeSet<>();
			for (String key : List.of("fields", "inputFields")) {
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> list = (List<Map<String, Object>>) type.get(key);
				if (list != null) {
					list.forEach((field) -> fields.add((String) field.get("name")));
				}
			}
			introspected.put(name, fields);
		}
		published.keySet().removeIf((name) -> registry.scalars().containsKey(name));
		assertThat(published.get("Enterprise")).contains("id", "name", "uscc", "projects");
		assertThat(published).hasSizeGreaterThan(50).isEqualTo(introspected);
	}

	@Test
	void thePublicGetsNoSchemaAsItGetsNoIntrospection() {
		this.http.get()
			.uri("/graphql/schema")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("UNAUTHORIZED");
	}

	@Test
	void thePublishedSchemaBreaksNothingOfTheSnapshotAndIsTheSnapshot() throws Exception {
		String published = published();
		String snapshot = Files.readString(SNAPSHOT, StandardCharsets.UTF_8);

		assertThat(breakingChanges(snapshot, published)).as("breaking changes to %s not deprecated there first", SNAPSHOT)
			.isEmpty();
		if (Boolean.getBoolean("updateSchemaSnapshot")) {
			Files.writeString(SNAPSHOT, published, StandardCharsets.UTF_8);
			return;
		}
		assertThat(published).as("the published schema differs from %s: run this test with -DupdateSchemaSnapshot=true, "
				+ "and record the change in schema/CHANGELOG.md", SNAPSHOT).isEqualTo(snapshot);
	}

	@Test
	void aFieldRemovedOrRetypedBreaksUnlessItWasDeprecatedFirst() {
		String before = """
				type Query { sectors: [Sector!]! sector(code: String!): Sector }
				type Sector { code: String! name: String! share: Int @deprecated(reason: "Use shares.") }
				enum Stage { SIGNED STARTED OLD @deprecated(reason: "Gone.") }
				""";
		String removed = """
				type Query { sectors: [Sector!]! sector(code: String!): Sector }
				type Sector { code: String! }
				enum Stage { SIGNED STARTED }
				""";
		assertThat(breakingChanges(before, removed)).extracting(DiffEvent::getFieldName).containsExactly("name");
		String retyped = """
				type Query { sectors: [Sector!]! sector(code: String!, year: Int!): Sector }
				type Sector { code: Int! name: String! share: String }
				enum Stage { SIGNED STARTED OLD }
				""";
		assertThat(breakingChanges(before, retyped)).extracting(DiffEvent::getTypeName, DiffEvent::getFieldName)
			.contains(Tuple.tuple("Query", "sector"), Tuple.tuple("Sector", "code"))
			.doesNotContain(Tuple.tuple("Sector", "share"));
		assertThat(breakingChanges(before, before)).isEmpty();
	}

	/** The breakages SchemaDiff finds, but those of what the schema before had deprecated. */
	static List<DiffEvent> breakingChanges(String before, String after) {
		CapturingReporter reporter = new CapturingReporter();
		new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(before, after), reporter);
		GraphQLSchema old = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(before));
		return reporter.getBreakages().stream().filter((event) -> !deprecated(old, event)).toList();
	}

	private static boolean deprecated(GraphQLSchema schema, DiffEvent event) {
		GraphQLType type = schema.getType(event.getTypeName());
		String name = event.getFieldName();
		if (type instanceof GraphQLFieldsContainer container && name != null) {
			GraphQLFieldDefinition field = container.getFieldDefinition(name);
			return field != null && field.isDeprecated();
		}
		if (type instanceof GraphQLInputObjectType input && name != null) {
			GraphQLInputObjectField field = input.getFieldDefinition(name);
			return field != null && field.isDeprecated();
		}
		if (type instanceof GraphQLEnumType enumeration && !event.getComponents().isEmpty()) {
			var value = enumeration.getValue(event.getComponents().get(0));
			return value != null && value.isDeprecated();
		}
		return false;
	}

	private String published() {
		return text("/graphql/schema", "demo-analyst");
	}

}
