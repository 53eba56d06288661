package cn.changhe.portfolio.graphql;

import java.util.function.Function;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a mutation as one transaction that writes nothing when its input has problems: the work
 * adds problems to check, and whatever it wrote is rolled back if any are found.
 */
public final class Payloads {

	private static final int ATTEMPTS = 3;

	private Payloads() {
	}

	/**
	 * @param work checks and writes; answers its payload
	 * @param rejected the payload for input with problems, from the problems found
	 */
	public static <P> P transaction(TransactionTemplate tx, Function<Problems, P> work, Function<Problems, P> rejected) {
		for (int attempt = 1;; attempt++) {
			try {
				return once(tx, work, rejected);
			}
			catch (PessimisticLockingFailureException ex) {
				// A deadlock or lock timeout rolled the whole transaction back: run it again, a few times.
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private static <P> P once(TransactionTemplate tx, Function<Problems, P> work, Function<Problems, P> rejected) {
		return tx.execute((status) -> {
			Problems problems = new Problems();
			P payload = work.apply(problems);
			if (problems.any()) {
				status.setRollbackOnly();
				return rejected.apply(problems);
			}
			// the request's Idempotency-Key, if it has one, is taken if and only if this write commits
			Idempotency.claim();
			return payload;
		});
	}

}
