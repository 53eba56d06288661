package cn.changhe.portfolio.write;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The numbers of {@code cache_epoch}: a cached figure is kept with the number it was read at, and
 * every write it depends on raises the number in its own transaction, so that every instance reads
 * the figure again after a write on any of them.
 */
public final class Epochs {

	/** The targets' actuals of a year: projects, their milestones and 五未 listings. */
	public static final String ZONE_YEAR = "zone_year";

	private Epochs() {
	}

	/**
	 * The upkeep of a table the figure depends on: each write raises the number, first of all its
	 * locks (before the row's), so that writers queue on it in one order.
	 */
	public static <R extends Record> Table.Upkeep<R> raising(String name) {
		return new Table.Upkeep<>() {

			@Override
			public void prepare(JdbcClient jdbc, long key) {
				raise(jdbc, name);
			}

			@Override
			public void before(JdbcClient jdbc, R before, R after) {
				if (before == null) { // a new row: no lock was taken before it
					raise(jdbc, name);
				}
			}

			@Override
			public void after(JdbcClient jdbc, R before, R after) {
			}

		};
	}

	public static void raise(JdbcClient jdbc, String name) {
		jdbc.sql("UPDATE cache_epoch SET epoch = epoch + 1 WHERE name = ?").param(name).update();
	}

	public static long read(JdbcClient jdbc, String name) {
		return jdbc.sql("SELECT epoch FROM cache_epoch WHERE name = ?").param(name).query(Long.class).single();
	}

}
