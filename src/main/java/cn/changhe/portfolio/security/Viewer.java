package cn.changhe.portfolio.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, as the queries see it: a client, or the public.
 */
public final class Viewer {

	private Viewer() {
	}

	public static Optional<Client> client() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof Client client) ? Optional.of(client)
				: Optional.empty();
	}

	/** Who a client is, as it can ask ({@code viewer}). */
	public record Identity(String name, Role role) {
	}

	/** The investor a PARTNER client sees for; empty for every other viewer. */
	public static Optional<Long> partnerInvestor() {
		return client().filter((c) -> c.role() == Role.PARTNER).map(Client::investorId);
	}

}
