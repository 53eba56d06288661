package cn.changhe.portfolio.changes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.changhe.portfolio.system.StatementCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers the change feed. Every write records its audit rows in its own transaction; their ids are
 * taken when they are written, so a row with a lower id may commit after one with a higher (the
 * late commit that timestamps and ids alike let a reader pass for good). The sequencer numbers rows
 * only once they have committed, in one transaction that holds {@code change_sequencer}'s row: a row
 * committing later gets a later number, and a reader that has seen number n has seen every number
 * below it. Changes of one record keep their commit order (its writes take the record's lock in turn,
 * so a later one's row is written, and seen, after the earlier one's). After each batch it numbers
 * what the batch took out of partners' sight or brought into it ({@link Sight}). Every instance
 * runs one; the lock lets one number at a time.
 */
@Component
class ChangeSequencer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChangeSequencer.class);

	private static final int BATCH = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate tx;

	private final Sight sight;

	private final Duration every;

	private ScheduledExecutorService timer;

	ChangeSequencer(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Sight sight,
			@Value("${zone.changes.sequence-every:100ms}") Duration every) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tx = tx;
		this.sight = sight;
		this.every = every;
	}

	/** Numbers the committed rows not numbered yet, oldest first; how many it numbered. */
	int sequence() {
		Integer numbered = this.tx.execute((status) -> {
			long last = this.jdbc.sql("SELECT last_seq FROM change_sequencer WHERE id = 1 FOR UPDATE")
				.query(Long.class)
				.single();
			List<Long> ids = this.jdbc.sql("SELECT id FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT " + BATCH)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return 0;
			}
			List<Object[]> numbers = new java.util.ArrayList<>(ids.size());
			for (int i = 0; i < ids.size(); i++) {
				numbers.add(new Object[] { last + i + 1, ids.get(i) });
			}
			this.batch.batchUpdate("UPDATE audit_log SET seq = ? WHERE id = ?", numbers);
			long upTo = last + ids.size();
			// and what the batch brought into partners' sight or took out of it, numbered right after it
			List<Sight.Turn> turns = this.sight.turns(last + 1, upTo);
			this.sight.record(turns, upTo + 1);
			this.jdbc.sql("UPDATE change_sequencer SET last_seq = ? WHERE id = 1").param(upTo + turns.size()).update();
			return ids.size();
		});
		return (numbered != null) ? numbered : 0;
	}

	private void tick() {
		try {
			while (sequence() == BATCH) {
				// a backlog: number it at once
			}
		}
		catch (RuntimeException ex) {
			// the database is away, or another instance holds the lock: the next tick tries again
			logger.debug("Changes not numbered this time: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(() -> {
				StatementCounter.background();
				task.run();
			}, "change-sequencer");
			thread.setDaemon(true);
			return thread;
		});
		this.timer.scheduleWithFixedDelay(this::tick, 0, this.every.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.timer != null;
	}

}
