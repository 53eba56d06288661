package cn.changhe.portfolio.security;

import org.springframework.stereotype.Component;

/**
 * The client's budget of cost, for what is not a GraphQL operation (an export): the same bucket
 * operations take their cost from.
 */
@Component
public class Budget {

	private final RateLimiter rate;

	Budget(RateLimiter rate) {
		this.rate = rate;
	}

	/**
	 * Takes the cost from the calling client's budget.
	 * @return 0 where it was taken, else the seconds to wait for it
	 */
	public long take(long cost) {
		RateLimiter.Outcome outcome = this.rate.take(RateLimiter.keyOf("unknown"), cost);
		return outcome.allowed() ? 0 : outcome.retryAfterSeconds();
	}

	/** Charges the calling client's budget with what it has spent already, into debt if it must be. */
	public void charge(long cost) {
		this.rate.charge(RateLimiter.keyOf("unknown"), cost);
	}

}
