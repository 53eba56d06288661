package cn.changhe.portfolio.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each client's budget of query cost, under {@code zone.rate.*}: a bucket of {@code capacity}
 * that refills {@code restorePerSecond} every second. The public shares one budget per address, of
 * {@code publicCapacity} and {@code publicRestorePerSecond} where they are set, else the same as a
 * client's. An instance tells the database what it took from a bucket at least every
 * {@code syncEvery} ({@link RateLimiter}). A request refused over budget is answered after
 * {@code refusalDelay}, which holds no thread: a client that sends again as soon as it is refused
 * costs the service a few refusals a second, not the CPU the others need ({@code HttpEndpoint}).
 */
@ConfigurationProperties("zone.rate")
public record RateProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000000") long capacity,
		@DefaultValue("50000") long restorePerSecond, @DefaultValue("1s") Duration syncEvery, Long publicCapacity,
		Long publicRestorePerSecond, @DefaultValue("500ms") Duration refusalDelay) {

	/** The budget of an API client. */
	Limit client() {
		return new Limit(this.capacity, this.restorePerSecond);
	}

	/** The budget of the public, per address. */
	Limit anonymous() {
		return new Limit((this.publicCapacity != null) ? this.publicCapacity : this.capacity,
				(this.publicRestorePerSecond != null) ? this.publicRestorePerSecond : this.restorePerSecond);
	}

	/** A budget: what a bucket holds when full, and what it gets back each second. */
	public record Limit(long capacity, long restorePerSecond) {
	}

}
