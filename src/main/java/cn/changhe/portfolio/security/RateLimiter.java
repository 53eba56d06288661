package cn.changhe.portfolio.security;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.mysql.Bucket4jMySQL;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Takes an operation's cost from its client's token bucket, kept in the database (Bucket4j) so
 * that the budget holds across every instance of the service.
 */
@Component
class RateLimiter {

	private final RateProperties rate;

	private final ProxyManager<String> buckets;

	private final Supplier<BucketConfiguration> configuration;

	RateLimiter(RateProperties rate, DataSource dataSource) {
		this.rate = rate;
		// The pool itself, not the statement-counting wrapper: the budget's bookkeeping is not the query's cost.
		DataSource pool = (dataSource instanceof DelegatingDataSource delegating) ? delegating.getTargetDataSource() : dataSource;
		this.buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(pool)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_bucket")
			.build();
		BucketConfiguration config = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(rate.capacity()).refillGreedy(rate.restorePerSecond(), Duration.ofSeconds(1)))
			.build();
		this.configuration = () -> config;
	}

	/** What was left after taking the cost, or how long to wait for it. */
	record Outcome(boolean allowed, long remaining, long retryAfterSeconds) {
	}

	/** The bucket of the calling client, or of the address a request without one came from. */
	static String keyOf(String address) {
		return Viewer.client().map((client) -> "client:" + client.name()).orElseGet(() -> "address:" + address);
	}

	Outcome take(String key, long cost) {
		if (!this.rate.enabled()) {
			return new Outcome(true, this.rate.capacity(), 0);
		}
		ConsumptionProbe probe = this.buckets.getProxy(key, this.configuration).tryConsumeAndReturnRemaining(Math.max(cost, 1));
		long wait = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
		return new Outcome(probe.isConsumed(), probe.getRemainingTokens(), probe.isConsumed() ? 0 : Math.max(wait, 1));
	}

	/**
	 * Takes a cost already spent (the rows of an export, counted as they went out), into debt where
	 * the budget holds less: the client's next requests wait until it is paid back.
	 */
	void charge(String key, long cost) {
		if (this.rate.enabled() && cost > 0) {
			this.buckets.getProxy(key, this.configuration).consumeIgnoringRateLimits(cost);
		}
	}

	long capacity() {
		return this.rate.capacity();
	}

	long restoreRate() {
		return this.rate.restorePerSecond();
	}

}
