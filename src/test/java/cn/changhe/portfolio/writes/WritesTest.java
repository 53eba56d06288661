package cn.changhe.portfolio.writes;


import cn.changhe.portfolio.ApiTest;

import org.springframework.test.context.TestPropertySource;

/**
 * Tests that write: on a database of their own (a context of their own), so that what they write
 * never moves the report's figures that the read tests assert.
 */
@TestPropertySource(properties = "zone.test.database=writes")
abstract class WritesTest extends ApiTest {

	protected String sectorId(String code) {
		java.util.List<String> ids = query("{ sectors { id code } }", "sectors[?(@.code == '" + code + "')].id");
		return ids.get(0);
	}

}
