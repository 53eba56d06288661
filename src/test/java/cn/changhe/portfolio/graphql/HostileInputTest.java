package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changhe.portfolio.ApiTest;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every argument and input field of the published schema, sent hostile values of its type (huge,
 * tiny, negative, malformed, exponents, too long, empty, nested without end), one at a time, with
 * plain values everywhere else (empty strings and ids, so that no write is valid): no answer is a
 * 5xx or an INTERNAL_ERROR, none costs the server more than a moment, a refused variable names
 * the input field at fault, and nothing is written.
 */
class HostileInputTest extends ApiTest {

	/** Far past any column: TEXT holds 65,535 bytes. */
	private static final String HUGE = "长".repeat(70_000);

	@Test
	void noArgumentOrInputFieldBreaksTheServerOrWritesAnything() {
		String sdl = text("/graphql/schema", "demo-admin");
		GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
		Map<String, Long> before = rows();
		List<String> failures = new ArrayList<>();
		List<Long> millis = new ArrayList<>();
		int sent = 0;
		var client = this.http.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
		for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType())) {
			String operation = (root == schema.getQueryType()) ? "query" : "mutation";
			for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
				for (GraphQLArgument argument : field.getArguments()) {
					for (Hostile hostile : hostiles(argument.getName(), argument.getType(), 0)) {
						Map<String, Object> variables = plainArguments(field);
						variables.put(argument.getName(), hostile.apply(variables.get(argument.getName())));
						String document = document(operation, field, variables.keySet());
						long started = System.nanoTime();
						EntityExchangeResult<String> answer = client.post()
							.uri("/graphql")
							.header("Authorization", "Bearer demo-admin")
							.header("Accept", "application/graphql-response+json")
							.header("Content-Type", "application/json")
							.bodyValue(Map.of("query", document, "variables", variables))
							.exchange()
							.expectBody(String.class)
							.returnResult();
						long took = (System.nanoTime() - started) / 1_000_000;
						millis.add(took);
						sent++;
						String body = String.valueOf(answer.getResponseBody());
						String where = root.getName() + "." + field.getName() + "(" + hostile.path + " = " + hostile.label + ")";
						if (answer.getStatus().is5xxServerError() || body.contains("INTERNAL_ERROR")) {
							failures.add(where + ": " + answer.getStatus() + " " + body.substring(0, Math.min(300, body.length())));
						}
						if (hostile.refused && answer.getStatus().value() != 400) {
							failures.add(where + ": not refused: " + answer.getStatus() + " " + body.substring(0, Math.min(300, body.length())));
						}
						if (took > 1000) {
							failures.add(where + ": took " + took + " ms");
						}
						boolean inside = hostile.path.contains(".") || hostile.path.contains("[");
						if (inside && body.contains("has an invalid value") && !body.contains("value at " + hostile.path)) {
							failures.add(where + ": the error does not name " + hostile.path + ": " + body);
						}
					}
				}
			}
		}
		assertThat(failures).as("%d hostile requests", sent).isEmpty();
		assertThat(sent).isGreaterThan(1000);
		Collections.sort(millis);
		assertThat(millis.get(millis.size() * 99 / 100)).as("99th percentile, ms, of %d", sent).isLessThan(100);
		assertThat(rows()).as("nothing written").isEqualTo(before);
	}

	@Test
	void aValueOutOfBoundsIsRefusedNamingItsField() {
		String enterprises = "query($f: EnterpriseFilter) { enterprises(filter: $f) { totalCount } }";
		refused(enterprises, Map.of("f", Map.of("nameContains", "长".repeat(301))), "argument", "filter.nameContains",
				"`filter.nameContains` is at most 300 characters, was 301.");
		refused(enterprises, Map.of("f", Map.of("sectorIds", Collections.nCopies(1001, id("Sector:1")))), "argument",
				"filter.sectorIds", "`filter.sectorIds` holds at most 1000 ids, was 1001.");
		refused(enterprises, Map.of("f", Map.of("updatedSince", "+999999999-12-31T23:59:59Z")), "variable",
				"f.updatedSince", "Variable 'f' has an invalid value at f.updatedSince: A date is in the years 1000 to 9999");
		refused("query($h: InvestmentSummaryHaving) { investmentSummary(groupBy: [SECTOR], having: $h) { year } }",
				Map.of("h", Map.of("maxTotal", Map.of("amount", "1e-1000000000"))), "variable", "h.maxTotal.amount",
				"A BigDecimal has at most 18 digits before the point and 10 after it");
		refused("query { investments(filter: { updatedSince: \"2024-02-30T00:00:00Z\" }) { totalCount } }", Map.of(),
				null, null, "argument 'filter.updatedSince' with value 'StringValue{value='2024-02-30T00:00:00Z'}' "
						+ "is not a valid 'DateTime' - Not a day that exists");
	}

	/** The first error's message contains the words, and its extension (where given) names the field. */
	private void refused(String document, Map<String, Object> variables, String extension, String field,
			String words) {
		var body = this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer demo-analyst")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].message").value(String.class, (message) -> assertThat(message).contains(words));
		if (extension != null) {
			body.jsonPath("$.errors[0].extensions." + extension).isEqualTo(field);
		}
	}

	/** A hostile value at a path inside an argument, made from the argument's plain value. */
	private record Hostile(String path, String label, boolean refused, java.util.function.UnaryOperator<Object> apply) {

		Hostile(String path, String label, java.util.function.UnaryOperator<Object> apply) {
			this(path, label, false, apply);
		}

		Object apply(Object plain) {
			return this.apply.apply(plain);
		}

	}

	/** Values of no scalar's type, or out of what any column stores: refused before execution. */
	private static final Set<Object> REFUSED = Set.of("1e1000000000", "-1e1000000000", "1e-1000000000",
			new BigDecimal("1e400"), new BigDecimal("-1e-400"), "NaN", "Infinity", "9".repeat(1000), "9".repeat(100),
			"1".repeat(40) + "." + "1".repeat(40), "0x10", "99999-01-01", "+1000000000-01-01", "0000-01-01", "2024-13-45",
			"2024-02-30", "+999999999-12-31T23:59:59Z", "2024-01-01T25:00:00Z", "0000-01-01T00:00:00Z",
			new BigInteger("99999999999999999999"), new BigInteger("9".repeat(100)), new BigDecimal("1.5"));

	private List<Hostile> hostiles(String path, GraphQLInputType type, int depth) {
		List<Hostile> hostiles = new ArrayList<>();
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		hostiles.add(new Hostile(path, "null", (plain) -> null));
		if (unwrapped instanceof GraphQLList list) {
			GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
			hostiles.add(new Hostile(path, "100,000 items",
					(plain) -> Collections.nCopies(100_000, plain(element))));
			hostiles.add(new Hostile(path, "lists nested 300 deep", (plain) -> nested(300)));
			for (Hostile inner : hostiles(path + "[0]", element, depth)) {
				hostiles.add(new Hostile(inner.path, inner.label, inner.refused,
						(plain) -> Collections.singletonList(inner.apply(plain(element)))));
			}
			return hostiles;
		}
		if (unwrapped instanceof GraphQLInputObjectType object) {
			hostiles.add(new Hostile(path, "an unknown field", (plain) -> Map.of("nope", 1)));
			hostiles.add(new Hostile(path, "a string", (plain) -> "{}"));
			if (depth > 3) {
				return hostiles;
			}
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				for (Hostile inner : hostiles(path + "." + field.getName(), field.getType(), depth + 1)) {
					hostiles.add(new Hostile(inner.path, inner.label, inner.refused, (plain) -> {
						@SuppressWarnings("unchecked")
						Map<String, Object> value = new LinkedHashMap<>(
								(Map<String, Object>) ((plain instanceof Map<?, ?>) ? plain : plain(object)));
						value.put(field.getName(), inner.apply(value.get(field.getName())));
						return value;
					}));
				}
			}
			return hostiles;
		}
		if (unwrapped instanceof GraphQLEnumType) {
			hostiles.add(new Hostile(path, "NOPE", true, (plain) -> "NOPE"));
			hostiles.add(new Hostile(path, "3", true, (plain) -> 3));
			return hostiles;
		}
		String scalar = ((GraphQLNamedType) unwrapped).getName();
		for (Object value : switch (scalar) {
			case "Int" -> List.of(-1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, new BigInteger("99999999999999999999"),
					new BigDecimal("1.5"), "1");
			case "Long" -> List.of(-1L, Long.MAX_VALUE, new BigInteger("9".repeat(100)), "x");
			case "Float" -> List.of(new BigDecimal("1e400"), -1, "NaN");
			case "Boolean" -> List.of("true", 1);
			case "BigDecimal" -> List.of("1e1000000000", "-1e1000000000", "1e-1000000000", new BigDecimal("1e400"),
					new BigDecimal("-1e-400"), "NaN", "Infinity", "-0", "9".repeat(1000), "1".repeat(40) + "." + "1".repeat(40),
					"0x10", "");
			case "Date" -> List.of("99999-01-01", "+1000000000-01-01", "0000-01-01", "2024-13-45", "2024-02-30", "", "x");
			case "DateTime" -> List.of("+999999999-12-31T23:59:59Z", "2024-01-01T25:00:00Z", "0000-01-01T00:00:00Z", "x");
			case "ID" -> List.of("", "x".repeat(10_000), id("Enterprise:99999999999999999999999"), id("Enterprise:-1"),
					id("Project:1e1000"), id("Nope:1"), id(HUGE.substring(0, 1000)), "!!!", 12);
			case "String" -> List.of(HUGE, "", " ", "x".repeat(1001), 12);
			case "JSON" -> List.of(nestedMap(300), HUGE);
			default -> List.of("x");
		}) {
			String label = String.valueOf(value);
			hostiles.add(new Hostile(path, label.substring(0, Math.min(40, label.length())), REFUSED.contains(value),
					(plain) -> value));
		}
		return hostiles;
	}

	/** Plain values for every argument of the field: required ones, and those of the one at fault. */
	private Map<String, Object> plainArguments(GraphQLFieldDefinition field) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (GraphQLArgument argument : field.getArguments()) {
			values.put(argument.getName(), plain(argument.getType()));
		}
		return values;
	}

	private Object plain(GraphQLInputType type) {
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		if (unwrapped instanceof GraphQLList list) {
			return List.of(plain((GraphQLInputType) list.getWrappedType()));
		}
		if (unwrapped instanceof GraphQLInputObjectType object) {
			Map<String, Object> value = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				if (GraphQLTypeUtil.isNonNull(field.getType())) {
					value.put(field.getName(), plain(field.getType()));
				}
			}
			return value;
		}
		if (unwrapped instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		return switch (((GraphQLNamedType) unwrapped).getName()) {
			case "Int", "Long" -> 1;
			case "Float" -> 1.0;
			case "Boolean" -> false;
			case "BigDecimal" -> "1";
			case "Date" -> "2024-01-01";
			case "DateTime" -> "2024-01-01T00:00:00Z";
			case "JSON" -> Map.of();
			default -> ""; // String and ID: empty, so that no write is valid
		};
	}

	private static String document(String operation, GraphQLFieldDefinition field, Iterable<String> arguments) {
		StringBuilder declared = new StringBuilder();
		StringBuilder given = new StringBuilder();
		for (String name : arguments) {
			GraphQLArgument argument = field.getArgument(name);
			declared.append(declared.isEmpty() ? "" : ", ").append('$').append(name).append(": ")
				.append(GraphQLTypeUtil.simplePrint(argument.getType()));
			given.append(given.isEmpty() ? "" : ", ").append(name).append(": $").append(name);
		}
		boolean composite = !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof graphql.schema.GraphQLScalarType
				|| GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLEnumType);
		return operation + (declared.isEmpty() ? "" : "(" + declared + ")") + " { " + field.getName()
				+ (given.isEmpty() ? "" : "(" + given + ")") + (composite ? " { __typename }" : "") + " }";
	}

	private static Object nested(int depth) {
		Object value = List.of();
		for (int i = 0; i < depth; i++) {
			value = List.of(value);
		}
		return value;
	}

	private static Object nestedMap(int depth) {
		Object value = Map.of();
		for (int i = 0; i < depth; i++) {
			value = Map.of("a", value);
		}
		return value;
	}

	private static String id(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The rows of every table the API writes. */
	private Map<String, Long> rows() {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : this.jdbc.queryForList("""
				SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
				AND table_name NOT IN ('rate_bucket', 'flyway_schema_history') AND table_name NOT LIKE '%history%'
				ORDER BY table_name""", String.class)) {
			rows.put(table, count(table));
		}
		return rows;
	}

}
