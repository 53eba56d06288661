package cn.changhe.portfolio.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.enterprise.Uscc;
import cn.changhe.portfolio.graphql.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed through the API: a record's life in order, with the record as it is now; a
 * partner's feed holds its own records and not another investor's.
 */
class ChangesTest extends ApiTest {

	// language=GraphQL
	static final String CHANGES = """
			query($after: String) {
			  changes(first: 200, after: $after) {
			    nodes { action entityId at node { id ... on Enterprise { name } ... on Fund { name } } }
			    pageInfo { endCursor hasNextPage }
			  }
			}""";

	@Test
	void aRecordsLifeIsInTheFeedInOrderWithTheRecordAsItIsNow() throws InterruptedException {
		String cursor = end(this.graphQl, null);
		Map<String, Object> created = mutate("""
				mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { enterprise { id } userErrors { code } } }""",
				"createEnterprise", Map.of("name", "变更流测试有限公司", "uscc", Uscc.withCheckCharacter("91330500MA2JCF00Q")));
		String id = (String) ((Map<?, ?>) created.get("enterprise")).get("id");
		mutate("""
				mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { id } userErrors { code } } }""",
				"updateEnterprise", Map.of("id", id, "expectedVersion", 0, "name", "变更流测试（改名）有限公司"));
		List<Map<String, Object>> live = changesOf(as("demo-analyst"), cursor, id, 2);
		assertThat(live).extracting((change) -> change.get("action")).containsExactly("CREATED", "UPDATED");
		assertThat(live).allSatisfy((change) -> assertThat((Map<String, Object>) change.get("node"))
			.containsEntry("name", "变更流测试（改名）有限公司"));
		mutate("""
				mutation($input: DeleteInput!) { deleteEnterprise(input: $input) { deletedId userErrors { code } } }""",
				"deleteEnterprise", Map.of("id", id, "expectedVersion", 1));
		List<Map<String, Object>> all = changesOf(as("demo-analyst"), cursor, id, 3);
		assertThat(all).extracting((change) -> change.get("action")).containsExactly("CREATED", "UPDATED", "DELETED");
		assertThat(all).allSatisfy((change) -> assertThat(change.get("node")).as("deleted now").isNull());
	}

	@Test
	void aPartnersFeedHoldsItsOwnFundsAndNotAnotherInvestors() throws InterruptedException {
		HttpGraphQlTester partner = as("demo-partner-cicc");
		List<String> own = strings(partner, "{ funds(first: 100) { nodes { id } } }", "funds.nodes[*].id");
		List<Map<String, Object>> funds = query("{ funds(first: 100) { nodes { id name version } } }", "funds.nodes");
		Map<String, Object> mine = funds.stream().filter((fund) -> own.contains(fund.get("id"))).findFirst().orElseThrow();
		Map<String, Object> theirs = funds.stream().filter((fund) -> !own.contains(fund.get("id"))).findFirst().orElseThrow();
		String cursor = end(partner, null);
		for (Map<String, Object> fund : List.of(mine, theirs)) {
			mutate("""
					mutation($input: UpdateFundInput!) { updateFund(input: $input) { fund { id } userErrors { code message } } }""",
					"updateFund", Map.of("id", fund.get("id"), "expectedVersion", fund.get("version"), "nameEn", "Feed test " + fund.get("id")));
		}
		List<Map<String, Object>> seen = changesOf(partner, cursor, (String) mine.get("id"), 1);
		assertThat(seen).singleElement().satisfies((change) -> assertThat(change).containsEntry("action", "UPDATED"));
		// once the other fund's change is numbered (the analyst sees it), the partner's feed still lacks it
		assertThat(changesOf(as("demo-analyst"), cursor, (String) theirs.get("id"), 1)).hasSize(1);
		List<Map<String, Object>> everything = pull(partner, cursor);
		assertThat(everything).extracting((change) -> change.get("entityId")).doesNotContain(theirs.get("id"));
		assertThat(everything).extracting((change) -> (String) change.get("entityId"))
			.allSatisfy((entity) -> assertThat(GlobalId.decode(entity).orElseThrow().type())
				.isIn("Fund", "Commitment", "Investment", "Enterprise", "Investor"));
		List<String> analysts = pull(as("demo-analyst"), cursor).stream().map((change) -> (String) change.get("entityId")).toList();
		assertThat(analysts).contains((String) mine.get("id"), (String) theirs.get("id"));
	}

	@Test
	void aCursorThatIsNotOneIsABadRequestNamingIt() {
		refused(this.graphQl, "{ changes(after: \"nonsense\") { nodes { action } } }", (errors) -> {
			assertThat(errors.get(0).getMessage()).contains("`after`");
			assertThat(errors.get(0).getExtensions()).containsEntry("argument", "after");
		});
	}

	/** The feed's end now: the cursor to follow it from. */
	static String end(HttpGraphQlTester client, String from) {
		return walk(client, from, (changes) -> {
		});
	}

	/** Every change after the cursor, page after page. */
	static List<Map<String, Object>> pull(HttpGraphQlTester client, String from) {
		List<Map<String, Object>> changes = new ArrayList<>();
		walk(client, from, changes::addAll);
		return changes;
	}

	/** Reads the feed from the cursor to its end, page after page; the cursor at the end. */
	@SuppressWarnings("unchecked")
	private static String walk(HttpGraphQlTester client, String from, Consumer<List<Map<String, Object>>> each) {
		String cursor = from;
		while (true) {
			Map<String, Object> page = page(client, cursor);
			each.accept((List<Map<String, Object>>) page.get("nodes"));
			Map<?, ?> info = (Map<?, ?>) page.get("pageInfo");
			cursor = (String) info.get("endCursor");
			if (!(Boolean) info.get("hasNextPage")) {
				return cursor;
			}
		}
	}

	private static Map<String, Object> page(HttpGraphQlTester client, String cursor) {
		return page(client, CHANGES, cursor);
	}

	/** One page of the feed, as the document asks for it, after the cursor (from the start for null). */
	@SuppressWarnings("unchecked")
	static Map<String, Object> page(HttpGraphQlTester client, String document, String cursor) {
		var request = client.document(document);
		if (cursor != null) {
			request = request.variable("after", cursor);
		}
		return (Map<String, Object>) request.execute().path("changes").entity(Map.class).get();
	}

	/** The entity's changes after the cursor, once there are as many as expected (the sequencer numbers them within moments). */
	static List<Map<String, Object>> changesOf(HttpGraphQlTester client, String cursor, String entity, int expected)
			throws InterruptedException {
		List<Map<String, Object>> changes = List.of();
		for (int attempt = 0; attempt < 100 && changes.size() < expected; attempt++) {
			changes = pull(client, cursor).stream().filter((change) -> entity.equals(change.get("entityId"))).toList();
			if (changes.size() < expected) {
				Thread.sleep(50);
			}
		}
		return changes;
	}

}
