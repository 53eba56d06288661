package cn.changhe.portfolio.graphql;

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
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /graphql/schema} publishes the schema as SDL: the same types and fields that
 * introspection answers, for API clients only, as introspection is.
 */
class PublishedSchemaTest extends ApiTest {

	@Test
	void theSdlHoldsTheTypesAndFieldsIntrospectionAnswers() {
		String sdl = this.http.get()
			.uri("/graphql/schema")
			.header("Authorization", "Bearer demo-analyst")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
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

}
