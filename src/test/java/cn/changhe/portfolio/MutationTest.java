package cn.changhe.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.groups.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness for tests of mutations: their payloads' user errors and the audit trail they leave,
 * read through the API.
 */
public abstract class MutationTest extends ApiTest {

	/** How the codes of what a test makes begin, so that it can remove them after it. */
	protected static final String CODE_PREFIX = "MUT_TEST_";

	/** The year of what a test makes, which the demo dataset never has. */
	protected static final int YEAR = 2030;

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	// language=GraphQL
	private static final String AUDIT = """
			query($id: ID!) { auditLog(entityId: $id, first: 20) { totalCount nodes { action actor entityId changes } } }""";

	/** A code or name never used before: the prefix, then a number of its own. */
	protected static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet() + "_" + System.nanoTime();
	}

	/** A new code, starting with {@link #CODE_PREFIX}. */
	protected static String code() {
		return unique(CODE_PREFIX);
	}

	/** The audit trail of the object, newest first. */
	protected List<Map<String, Object>> audit(String id) {
		return query(AUDIT, "auditLog.nodes", Map.of("id", id));
	}

	/** The user errors are exactly one, of the code, at the input field's path. */
	protected static void assertError(List<Map<String, Object>> errors, String code, String... field) {
		assertThat(errors).as("user errors")
			.extracting((e) -> e.get("field"), (e) -> e.get("code"))
			.containsExactly(Tuple.tuple(List.of(field), code));
	}

	@SuppressWarnings("unchecked")
	protected static List<Map<String, Object>> errors(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("userErrors");
	}

	@SuppressWarnings("unchecked")
	protected static Map<String, Object> map(Map<String, Object> parent, String key) {
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	protected static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		return (List<Map<String, Object>>) parent.get(key);
	}

	protected static BigDecimal decimal(Object value) {
		return new BigDecimal(value.toString());
	}

}
