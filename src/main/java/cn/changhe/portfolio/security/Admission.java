package cn.changhe.portfolio.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;

import org.springframework.stereotype.Component;

/**
 * Lets at most {@code zone.limits.heavy-concurrency} heavy operations (those that cost at least
 * {@code zone.limits.heavy-cost}) run at once; others wait their turn, in order, up to
 * {@code zone.limits.heavy-wait}, and are then refused with classification BUSY and a
 * {@code retryAfter}. Under a burst of large nested pages the service then answers them one batch
 * after another, in bounded memory, instead of building them all at once until every one of them
 * runs past the time limit. Light operations never wait.
 *
 * <p>Each request carries a {@link Ticket}; the permit it takes is given back when the response is
 * written, whatever happened in between.
 */
@Component
public class Admission {

	/** Where a request's ticket is kept in the GraphQL context. */
	static final String TICKET = Admission.class.getName() + ".ticket";

	/** The classification of a refusal that the client may retry shortly, for want of the service's time or locks. */
	public static final ErrorClassification BUSY = ErrorClassification.errorClassification("BUSY");

	private final LimitProperties limits;

	private final Semaphore heavy;

	Admission(LimitProperties limits) {
		this.limits = limits;
		this.heavy = new Semaphore(limits.heavyConcurrency(), true);
	}

	/** A new request's ticket, to be closed when its response is done. */
	Ticket ticket() {
		return new Ticket();
	}

	/**
	 * Admits an operation of the given cost on the request's ticket, waiting for a turn if it is
	 * heavy; throws an abort with classification BUSY if no turn came in time.
	 */
	void admit(Ticket ticket, long cost) {
		if (ticket == null || cost < this.limits.heavyCost()) {
			return;
		}
		Duration wait = this.limits.heavyWait();
		boolean admitted;
		try {
			admitted = this.heavy.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			GraphQLError error = GraphQLError.newError()
				.message("The service is busy with other large operations (cost " + this.limits.heavyCost()
						+ " or more); this one waited " + wait.toSeconds() + " s: try again shortly, or ask for less.")
				.errorType(BUSY)
				.extensions(Map.of("retryAfter", 1))
				.build();
			throw new AbortExecutionException(List.of(error));
		}
		ticket.held.set(true);
	}

	/** One request's claim on a heavy permit: at most one, given back once. */
	final class Ticket implements AutoCloseable {

		private final AtomicBoolean held = new AtomicBoolean();

		@Override
		public void close() {
			if (this.held.compareAndSet(true, false)) {
				Admission.this.heavy.release();
			}
		}

	}

}
