package cn.changhe.portfolio.changes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.graphql.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's guarantee, under the fault it exists for: eight writers record and change ledger rows
 * through the API while every commit is held back a random while (up to 40 ms, after the write's
 * audit row has taken its id), so that transactions commit out of the order they wrote in; a puller
 * follows the feed throughout, keeping a copy. At the end the copy equals the database exactly, the
 * puller saw every change once, commits did come out of order, and no writer met a deadlock. (On a
 * context of its own: its transaction manager is the one that holds commits back.)
 */
@Import(LateCommitsTest.LateCommits.class)
class LateCommitsTest extends ApiTest {

	private static final AtomicBoolean LATE = new AtomicBoolean();

	// language=GraphQL
	private static final String RECORD = """
			mutation($input: RecordInvestmentInput!) {
			  recordInvestment(input: $input) { investment { id version } userErrors { field code message } }
			}""";

	// language=GraphQL
	private static final String UPDATE = """
			mutation($input: UpdateInvestmentInput!) {
			  updateInvestment(input: $input) { investment { id version } userErrors { field code message } }
			}""";

	// language=GraphQL
	private static final String CHANGES = """
			query($after: String) {
			  changes(first: 200, after: $after) {
			    nodes { action entityId node { ... on Investment { amount { amount } version } } }
			    pageInfo { endCursor hasNextPage }
			  }
			}""";

	@Test
	void aPullerFollowingTheFeedEndsWithTheDatabaseExactly() throws Exception {
		String enterprise = query("{ enterprises(first: 1) { nodes { id } } }", "enterprises.nodes[0].id");
		long startSeq = this.jdbc.queryForObject("SELECT last_seq FROM change_sequencer WHERE id = 1", Long.class);
		String cursor = ChangesTest.end(as("demo-analyst"), null);
		long deadlocks = deadlocks();
		Map<Long, String> copy = new ConcurrentHashMap<>();
		AtomicInteger seen = new AtomicInteger();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(9);
		LATE.set(true);
		Future<String> puller = threads.submit(() -> {
			HttpGraphQlTester analyst = as("demo-analyst");
			String at = cursor;
			while (true) {
				boolean done = !writing.get() && unnumbered() == 0;
				Map<String, Object> page = ChangesTest.page(analyst, CHANGES, at);
				for (Map<String, Object> change : (List<Map<String, Object>>) page.get("nodes")) {
					seen.incrementAndGet();
					long key = GlobalId.decode((String) change.get("entityId")).orElseThrow().key();
					Map<?, ?> node = (Map<?, ?>) change.get("node");
					if (node == null) {
						copy.remove(key);
					}
					else {
						copy.put(key, state(new BigDecimal(((Map<?, ?>) node.get("amount")).get("amount").toString()),
								((Number) node.get("version")).longValue()));
					}
				}
				Map<?, ?> info = (Map<?, ?>) page.get("pageInfo");
				at = (String) info.get("endCursor");
				if (done && !(Boolean) info.get("hasNextPage")) {
					return at;
				}
			}
		});
		List<Future<?>> writers = new java.util.ArrayList<>();
		for (int w = 0; w < 8; w++) {
			// two writers to each of four groups of the totals: some wait on each other, some do not
			int year = 2031 + w % 4;
			writers.add(threads.submit(() -> {
				HttpGraphQlTester editor = as("demo-editor");
				for (int i = 0; i < 12; i++) {
					Map<String, Object> recorded = mutate(editor, RECORD, "recordInvestment", Map.of("kind", "LOAN", "year", year,
							"enterpriseId", enterprise, "amount", Map.of("amount", ThreadLocalRandom.current().nextInt(1, 100_000))));
					Map<?, ?> investment = (Map<?, ?>) recorded.get("investment");
					assertThat(investment).as("%s", recorded).isNotNull();
					if (i % 2 == 0) {
						mutate(editor, UPDATE, "updateInvestment", Map.of("id", investment.get("id"), "expectedVersion",
								investment.get("version"), "amount", Map.of("amount", ThreadLocalRandom.current().nextInt(1, 100_000))));
					}
				}
				return null;
			}));
		}
		for (Future<?> writer : writers) {
			writer.get(3, TimeUnit.MINUTES);
		}
		// writers to one group take turns on its totals row; writers to different groups never meet in a cycle
		assertThat(deadlocks()).as("deadlocks met by the writers").isEqualTo(deadlocks);
		writing.set(false);
		puller.get(2, TimeUnit.MINUTES);
		LATE.set(false);
		threads.shutdown();

		Map<Long, String> database = new ConcurrentHashMap<>();
		this.jdbc.query("SELECT id, amount, version FROM investment WHERE year BETWEEN 2031 AND 2034 AND deleted_at IS NULL",
				(java.sql.ResultSet rs) -> {
					database.put(rs.getLong(1), state(rs.getBigDecimal(2), rs.getLong(3)));
				});
		assertThat(database).hasSize(96);
		assertThat(copy).as("the puller's copy").isEqualTo(database);
		long written = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE seq > ?", Long.class, startSeq);
		assertThat(seen.get()).as("every change once").isEqualTo(written).isEqualTo(96 + 48);
		long outOfOrder = this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON a.id < b.id AND a.seq > b.seq
				WHERE a.seq > ? AND b.seq > ?""", Long.class, startSeq, startSeq);
		assertThat(outOfOrder).as("writes that committed after later ones").isPositive();
	}

	/** The deadlocks InnoDB has met since it started (MariaDB's counter; MySQL keeps it in INNODB_METRICS). */
	private long deadlocks() {
		List<Long> counted = this.jdbc.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'", (row, n) -> row.getLong(2));
		if (!counted.isEmpty()) {
			return counted.get(0);
		}
		return this.jdbc.queryForObject("SELECT count FROM information_schema.INNODB_METRICS WHERE name = 'lock_deadlocks'",
				Long.class);
	}

	private long unnumbered() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL", Long.class);
	}

	private static String state(BigDecimal amount, long version) {
		return amount.stripTrailingZeros().toPlainString() + "@" + version;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> mutate(HttpGraphQlTester client, String document, String mutation, Map<String, Object> input) {
		return (Map<String, Object>) client.document(document).variable("input", input).execute().path(mutation).entity(Map.class).get();
	}


	/** The application's transaction manager, holding every commit back a random while when LATE is set. */
	@TestConfiguration
	static class LateCommits {

		@Bean
		static BeanPostProcessor lateCommits() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof JdbcTransactionManager manager) || bean instanceof Late) {
						return bean;
					}
					Late late = new Late(manager.getDataSource());
					late.afterPropertiesSet();
					return late;
				}

			};
		}

	}

	static final class Late extends JdbcTransactionManager {

		Late(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			if (LATE.get()) {
				try {
					Thread.sleep(ThreadLocalRandom.current().nextInt(0, 41));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			super.doCommit(status);
		}

	}

}
