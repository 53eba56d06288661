package cn.changhe.portfolio.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema, as a client's GraphiQL reads it, describes every type, field, argument and enum value.
 */
class SchemaDocumentationTest extends ApiTest {

	// language=GraphQL
	private static final String INTROSPECTION = """
			{
			  __schema {
			    types {
			      name kind description
			      fields { name description args { name description } }
			      inputFields { name description }
			      enumValues { name description }
			    }
			  }
			}""";

	@Test
	void everyTypeFieldArgumentAndEnumValueIsDescribed() {
		List<Map<String, Object>> types = query(INTROSPECTION, "__schema.types");
		List<String> undescribed = new ArrayList<>();
		for (Map<String, Object> type : types) {
			String name = (String) type.get("name");
			if (name.startsWith("__") || List.of("String", "Boolean", "Int", "Float", "ID").contains(name)) {
				continue;
			}
			check(undescribed, name, type);
			for (Map<String, Object> field : list(type, "fields")) {
				check(undescribed, name + "." + field.get("name"), field);
				for (Map<String, Object> arg : list(field, "args")) {
					check(undescribed, name + "." + field.get("name") + "(" + arg.get("name") + ")", arg);
				}
			}
			for (Map<String, Object> field : list(type, "inputFields")) {
				check(undescribed, name + "." + field.get("name"), field);
			}
			for (Map<String, Object> value : list(type, "enumValues")) {
				check(undescribed, name + "." + value.get("name"), value);
			}
		}
		assertThat(undescribed).isEmpty();
	}

	@Test
	void aDocumentIsParsedAndValidatedOnce(@org.springframework.beans.factory.annotation.Autowired DocumentCache cache) {
		String document = "{ sectors { code } __typename }";
		long before = cache.size();
		this.graphQl.document(document).execute().errors().verify();
		this.graphQl.document(document).execute().errors().verify();
		assertThat(cache.size()).isEqualTo(before + 1);
		this.graphQl.document("{ sectors { notAField } }").execute().errors().satisfy((errors) -> assertThat(errors).isNotEmpty());
		assertThat(cache.size()).as("invalid documents are not kept").isEqualTo(before + 1);
	}

	private static void check(List<String> undescribed, String what, Map<String, Object> element) {
		Object description = element.get("description");
		if (description == null || description.toString().isBlank()) {
			undescribed.add(what);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> element, String key) {
		Object value = element.get(key);
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

}
