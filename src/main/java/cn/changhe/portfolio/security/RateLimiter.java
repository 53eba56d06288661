package cn.changhe.portfolio.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Function;

import javax.sql.DataSource;

import cn.changhe.portfolio.graphql.Unavailable;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.mysql.Bucket4jMySQL;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Takes an operation's cost from its client's token bucket, kept in the database (Bucket4j) so
 * that the budget holds across every instance of the service.
 *
 * <p>Each instance keeps a copy of each bucket it serves and takes costs from the copy, telling the
 * database what it took at most every {@code zone.rate.sync-every} (1 s) or once it has taken
 * {@code capacity / 40} (Bucket4j's delaying optimization, {@code Optimizations.delaying}): a request
 * costs no statement for its budget, a refused one none either, and a busy client's bucket is
 * written about once a second per instance. What instances take between two syncs from the same
 * tokens becomes debt at the sync, so across N instances a client gets at most (N - 1) × capacity/40
 * more than its budget, ever.
 *
 * <p>The budgets are versioned ({@code rate_budget}): an instance configured with budgets other than
 * the newest stored makes its own the newest, and a bucket stored under an older version takes the
 * new budget at its next use (Bucket4j's implicit configuration replacement, its tokens kept in
 * proportion), so that a budget changed in the settings holds for every client, not only new ones.
 *
 * <p>Where a sync finds the database out of reach, that request is answered UNAVAILABLE, and for the
 * next {@code sync-every} the buckets are left alone: requests queued behind that sync fail at once
 * instead of each waiting for a connection in turn, and requests arriving meanwhile go through
 * unmetered to their fields, which either find the database back or answer UNAVAILABLE themselves.
 */
@Component
class RateLimiter {

	private static final String PUBLIC = "address:";

	private final RateProperties rate;

	private final ProxyManager<String> buckets;

	private final RateProperties.Limit clientLimit;

	private final RateProperties.Limit publicLimit;

	/** This instance's copy of each client's bucket (a copy that is not used for a while is dropped). */
	private final LoadingCache<String, BucketProxy> local;

	/** Until when (System.nanoTime) the buckets are left alone, after a sync found the database out of reach. */
	private volatile long unreachedUntil = System.nanoTime();

	RateLimiter(RateProperties rate, DataSource dataSource) {
		this.rate = rate;
		// The pool itself, not the statement-counting wrapper: the budget's bookkeeping is not the query's cost.
		DataSource pool = (dataSource instanceof DelegatingDataSource delegating) ? delegating.getTargetDataSource() : dataSource;
		this.buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(new DelegatingDataSource(pool) {

			@Override
			public Connection getConnection() throws SQLException {
				if (unreached()) {
					throw new SQLTransientConnectionException("The database was out of reach at the last sync of a budget.");
				}
				return super.getConnection();
			}

		})
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_bucket")
			.build();
		this.clientLimit = rate.client();
		this.publicLimit = rate.anonymous();
		long version = version(new JdbcTemplate(pool), "client " + this.clientLimit.capacity() + " + "
				+ this.clientLimit.restorePerSecond() + "/s, public " + this.publicLimit.capacity() + " + "
				+ this.publicLimit.restorePerSecond() + "/s");
		this.local = Caffeine.newBuilder()
			.expireAfterAccess(Duration.ofMinutes(10))
			.maximumSize(100_000)
			.build((key) -> {
				RateProperties.Limit limit = limitOf(key);
				BucketConfiguration config = BucketConfiguration.builder()
					.addLimit((bandwidth) -> bandwidth.capacity(limit.capacity())
						.refillGreedy(limit.restorePerSecond(), Duration.ofSeconds(1)))
					.build();
				DelayParameters delay = new DelayParameters(Math.max(1, limit.capacity() / 40), rate.syncEvery());
				return this.buckets.builder()
					.withOptimization(Optimizations.delaying(delay))
					.withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.PROPORTIONALLY)
					.build(key, () -> config);
			});
	}

	/**
	 * The version of these budgets: theirs if they are the newest stored, else one above the newest,
	 * stored as theirs. Two instances starting together with the same budgets agree on one version.
	 */
	private static long version(JdbcTemplate jdbc, String budget) {
		for (int attempt = 0;; attempt++) {
			Long newest = jdbc.queryForObject("SELECT MAX(version) FROM rate_budget", Long.class);
			Long own = jdbc.query("SELECT version FROM rate_budget WHERE budget = ?", (rs) -> rs.next() ? rs.getLong(1) : null,
					budget);
			if (own != null && own.equals(newest)) {
				return own;
			}
			long next = (newest != null) ? newest + 1 : 1;
			try {
				int changed = (own != null)
						? jdbc.update("UPDATE rate_budget SET version = ? WHERE budget = ? AND version = ?", next, budget, own)
						: jdbc.update("INSERT INTO rate_budget (budget, version) VALUES (?, ?)", budget, next);
				if (changed == 1) {
					return next;
				}
			}
			catch (DuplicateKeyException ex) {
				// another instance stored the same budgets first: read them again
			}
			if (attempt == 5) {
				throw new IllegalStateException("The budgets' version could not be stored: instances keep changing it.");
			}
		}
	}

	/** What was left after taking the cost, or how long to wait for it. */
	record Outcome(boolean allowed, long remaining, long retryAfterSeconds) {
	}

	/** The bucket of the calling client, or of the address a request without one came from. */
	static String keyOf(String address) {
		return Viewer.client().map((client) -> "client:" + client.name()).orElseGet(() -> PUBLIC + address);
	}

	Outcome take(String key, long cost) {
		if (!this.rate.enabled() || unreached()) {
			return new Outcome(true, limitOf(key).capacity(), 0);
		}
		ConsumptionProbe probe;
		try {
			probe = withBucket(key, (bucket) -> bucket.tryConsumeAndReturnRemaining(Math.max(cost, 1)));
		}
		catch (RuntimeException ex) {
			if (Unavailable.isOutage(ex)) {
				this.unreachedUntil = System.nanoTime() + this.rate.syncEvery().toNanos();
			}
			throw ex;
		}
		long wait = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
		return new Outcome(probe.isConsumed(), probe.getRemainingTokens(), probe.isConsumed() ? 0 : Math.max(wait, 1));
	}

	/**
	 * Takes a cost already spent (the rows of an export, counted as they went out), into debt where
	 * the budget holds less: the client's next requests wait until it is paid back.
	 */
	void charge(String key, long cost) {
		if (this.rate.enabled() && cost > 0) {
			withBucket(key, (bucket) -> bucket.consumeIgnoringRateLimits(cost));
		}
	}

	/**
	 * Runs the command on this instance's copy of the key's bucket. The first requests of a client
	 * that arrive together may find the bucket not yet stored where Bucket4j's batching combined
	 * them before it was created ({@link BucketNotFoundException}, alone or as the cause of the
	 * batch's failure): the command then runs again, on a new copy, once the bucket is there.
	 */
	private <T> T withBucket(String key, Function<BucketProxy, T> command) {
		for (int attempt = 1;; attempt++) {
			try {
				return command.apply(this.local.get(key));
			}
			catch (RuntimeException ex) {
				if (attempt == 3 || !notFound(ex)) {
					throw ex;
				}
				this.local.invalidate(key);
			}
		}
	}

	/** Whether Bucket4j found the bucket not yet stored, itself or as the cause of a batch's failure. */
	private static boolean notFound(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BucketNotFoundException) {
				return true;
			}
		}
		return false;
	}

	private boolean unreached() {
		return System.nanoTime() - this.unreachedUntil < 0;
	}

	/** The budget of the bucket of this key. */
	RateProperties.Limit limitOf(String key) {
		return key.startsWith(PUBLIC) ? this.publicLimit : this.clientLimit;
	}

}
