package cn.changhe.portfolio.writes;

import java.util.Map;

import cn.changhe.portfolio.ApiTest;

import org.springframework.test.context.TestPropertySource;

/**
 * Tests that write: on a database of their own (a context of their own), so that what they write
 * never moves the report's figures that the read tests assert.
 */
@TestPropertySource(properties = "zone.test.database=writes")
abstract class WritesTest extends ApiTest {

	/** The payload of a mutation, whatever it holds. */
	protected Map<String, Object> mutate(String document, String mutation, Map<String, Object> input) {
		return query(document, mutation, Map.of("input", input));
	}

	protected String sectorId(String code) {
		java.util.List<String> ids = query("{ sectors { id code } }", "sectors[?(@.code == '" + code + "')].id");
		return ids.get(0);
	}

	protected int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

}
