package cn.changhe.portfolio.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.language.ObjectTypeDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standard introspection queries that GraphiQL, code generators and IDEs send are answered
 * whole for every client allowed to introspect, while hostile introspection stays refused. The
 * depth limit counts the data graph's nesting, not the introspection system's.
 */
class IntrospectionTest extends ApiTest {

	@ParameterizedTest
	@ValueSource(strings = { "demo-admin", "demo-analyst", "demo-editor", "demo-partner-addor" })
	void graphqlJs16StandardQueryWithEveryOptionIsAnsweredWhole(String token) throws IOException {
		String document = new ClassPathResource("introspection/graphql-js-16-all-options.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		var response = as(token).document(document).execute();
		response.errors().verify();
		Map<String, Object> schema = response.path("__schema").entity(Map.class).get();
		assertWhole(schema);
		response.path("__schema.types[?(@.name == 'Enterprise')].description")
			.entityList(String.class)
			.satisfies((descriptions) -> assertThat(descriptions.get(0)).isNotBlank());
		// a [Sector!]! resolves all the way down through the standard TypeRef fragment
		response.path("__schema.types[?(@.name == 'Query')].fields[?(@.name == 'sectors')].type.ofType.ofType.ofType.name")
			.entityList(String.class)
			.containsExactly("Sector");
		response.path("__schema.types[?(@.name == 'BigDecimal')].specifiedByURL").entityList(Object.class).hasSize(1);
	}

	@Test
	void graphqlJavasOwnIntrospectionQueriesAreAnsweredWhole() {
		String everyOption = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
			.descriptions(true)
			.specifiedByUrl(true)
			.directiveIsRepeatable(true)
			.schemaDescription(true)
			.inputValueDeprecation(true)
			.typeRefFragmentDepth(7));
		for (String document : List.of(IntrospectionQuery.INTROSPECTION_QUERY, everyOption)) {
			var response = as("demo-analyst").document(document).execute();
			response.errors().verify();
			assertWhole(response.path("__schema").entity(Map.class).get());
		}
	}

	@Test
	void introspectionIsPricedLikeAnyOtherOperation() {
		this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", IntrospectionQuery.INTROSPECTION_QUERY))
			.exchange()
			.expectBody()
			.jsonPath("$.extensions.cost.requestedQueryCost")
			.value((Number value) -> assertThat(value.longValue()).isGreaterThan(50));
	}

	@Test
	void twoSchemaFieldsInOneRequestAreRefused() {
		refused("{ a: __schema { queryType { name } } b: __schema { queryType { name } } }", "__schema");
		refused("{ a: __type(name: \"Fund\") { name } b: __type(name: \"Project\") { name } }", "__type");
	}

	@Test
	void aCycleThroughTheSchemaIsRefused() {
		refused("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", "fields");
	}

	@Test
	void anOfTypeChainDeeperThanAnyToolAsksIsRefused() {
		StringBuilder chain = new StringBuilder("{ __type(name: \"Query\") { fields { type { name ");
		for (int i = 0; i < QueryLimits.MAX_OF_TYPE_CHAIN + 1; i++) {
			chain.append("ofType { name ");
		}
		chain.append("}".repeat(QueryLimits.MAX_OF_TYPE_CHAIN + 1)).append(" } } } }");
		tooComplex(chain.toString(), "ofType");
	}

	@Test
	void introspectionFieldsAliasedManyTimesAreRefused() {
		StringBuilder flood = new StringBuilder("{ __schema {");
		for (int i = 0; i < 40; i++) {
			flood.append(" t").append(i).append(": types { name }");
		}
		tooComplex(flood.append(" } }").toString(), "aliases");
	}

	@Test
	void theDataGraphsDepthIsStillLimitedBesideAnIntrospection() {
		String deep = "{ __schema { queryType { name } } funds { nodes { commitments { fund { commitments { fund { commitments "
				+ "{ fund { commitments { fund { commitments { fund { commitments { fund { name } } } } } } } } } } } } } } }";
		tooComplex(deep, "deep");
	}

	/** Every type of the schema is there, and the answer rebuilds a schema a code generator can use. */
	@SuppressWarnings("unchecked")
	private static void assertWhole(Map<String, Object> schema) {
		List<Map<String, Object>> types = (List<Map<String, Object>>) schema.get("types");
		assertThat(types).extracting((type) -> type.get("name"))
			.contains("Query", "Mutation", "Enterprise", "Project", "Fund", "Money", "BigDecimal", "__Schema");
		Document document = new IntrospectionResultToSchema().createSchemaDefinition(Map.of("__schema", schema));
		assertThat(document.getDefinitionsOfType(ObjectTypeDefinition.class)).extracting(ObjectTypeDefinition::getName)
			.contains("Query", "Mutation", "Enterprise", "Fund", "Investor");
	}

	private void refused(String document, String words) {
		as("demo-analyst").document(document).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).contains("good faith").contains(words);
		});
	}

}
