package cn.changhe.portfolio.graph;

import java.util.Map;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.graphql.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sector edited in the database shows once the copy kept in memory is older than
 * {@code zone.sectors.max-age}: here no age is allowed, so at once (on a context of its own).
 */
@TestPropertySource(properties = "zone.sectors.max-age=0s")
class SectorMaxAgeTest extends ApiTest {

	@Test
	void aSectorEditedInTheDatabaseShowsOnceTheCopyIsOlderThanAllowed() {
		long key = this.jdbc.queryForObject("SELECT MIN(id) FROM sector WHERE deleted_at IS NULL", Long.class);
		String id = GlobalId.encode("Sector", key);
		String byId = "query($id: ID!) { node(id: $id) { ... on Sector { name } } }";
		String name = query(byId, "node.name", Map.of("id", id));
		this.jdbc.update("UPDATE sector SET name = ? WHERE id = ?", name + "（改）", key);
		try {
			assertThat(this.<Object>query(byId, "node.name", Map.of("id", id))).isEqualTo(name + "（改）");
			this.jdbc.update("UPDATE sector SET deleted_at = CURRENT_TIMESTAMP(6) WHERE id = ?", key);
			this.graphQl.document(byId).variable("id", id).execute().path("node").valueIsNull();
		}
		finally {
			this.jdbc.update("UPDATE sector SET name = ?, deleted_at = NULL WHERE id = ?", name, key);
		}
	}

}
