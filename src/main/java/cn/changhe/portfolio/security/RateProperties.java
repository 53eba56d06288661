package cn.changhe.portfolio.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each client's budget of query cost, under {@code zone.rate.*}: a bucket of {@code capacity}
 * that refills {@code restorePerSecond} every second. The public shares one budget per address.
 * An instance tells the database what it took from a bucket at least every {@code syncEvery}
 * ({@link RateLimiter}).
 */
@ConfigurationProperties("zone.rate")
public record RateProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000000") long capacity,
		@DefaultValue("50000") long restorePerSecond, @DefaultValue("1s") Duration syncEvery) {
}
