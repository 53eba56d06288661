package cn.changhe.portfolio.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks, under {@code zone.webhooks.*}.
 *
 * @param enabled whether this instance plans and sends deliveries (every instance may; leases keep
 * them from sending one twice)
 * @param every how often it looks for changes to push and deliveries due
 * @param batch the most changes in one delivery
 * @param firstRetry the wait before the second attempt; each later wait doubles, up to {@code retryCap}
 * @param retryCap the longest wait between two attempts
 * @param maxAttempts attempts before a delivery is dead (and holds the webhook's later ones until it is replayed)
 * @param timeout how long one attempt may take, connecting and answering
 * @param lease how long an instance holds a delivery it is sending; past it, another may send it again
 * @param allowPrivateTargets whether targets may be loopback, link-local or private addresses (off:
 * a webhook could otherwise reach what sits behind the service's firewall)
 */
@ConfigurationProperties("zone.webhooks")
public record WebhookProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration every,
		@DefaultValue("100") int batch, @DefaultValue("10s") Duration firstRetry, @DefaultValue("1h") Duration retryCap,
		@DefaultValue("12") int maxAttempts, @DefaultValue("10s") Duration timeout, @DefaultValue("60s") Duration lease,
		@DefaultValue("false") boolean allowPrivateTargets) {

	/** The wait after the attempt numbered {@code attempts} (1 for the first) failed. */
	Duration backoff(int attempts) {
		Duration wait = this.firstRetry;
		for (int i = 1; i < attempts && wait.compareTo(this.retryCap) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.retryCap) < 0) ? wait : this.retryCap;
	}

}
