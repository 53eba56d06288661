package cn.changhe.portfolio.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

import cn.changhe.portfolio.graphql.Unavailable;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The client a bearer token stands for: the bootstrap token's administrator, or the client whose
 * token hashes to it and is not revoked. What the database answers is kept for
 * {@code zone.tokens.cache-for} (5 s by default), a token that matches nothing included, so that a
 * request costs no statement for its token; a revocation is seen at once on the instance that made it
 * ({@link #forget()}) and within that time on every other.
 *
 * <p>A look-up that finds the database out of reach fails the look-ups of the next second at once
 * with the same fault, rather than each waiting for the pool in turn: requests with the same token
 * wait for one another's look-up, and would otherwise queue behind one wait after another.
 */
@Component
public class ClientTokens {

	private static final long HOLD_FAULT_NANOS = Duration.ofSeconds(1).toNanos();

	private final JdbcClient jdbc;

	private final byte[] bootstrap;

	private final Cache<String, Optional<Client>> clients;

	/** The last look-up's fault where it found the database out of reach, and until when it holds. */
	private volatile Fault fault;

	ClientTokens(JdbcClient jdbc, @Value("${zone.bootstrap-token:}") String bootstrapToken,
			@Value("${zone.tokens.cache-for:5s}") Duration cacheFor) {
		this.jdbc = jdbc;
		this.bootstrap = (bootstrapToken != null && !bootstrapToken.isBlank())
				? bootstrapToken.getBytes(StandardCharsets.UTF_8) : null;
		this.clients = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(10_000).build();
	}

	/** The token's client, if it has one that is not revoked. */
	Optional<Client> client(String token) {
		if (token.isEmpty() || token.length() > 200) {
			return Optional.empty();
		}
		if (this.bootstrap != null && MessageDigest.isEqual(this.bootstrap, token.getBytes(StandardCharsets.UTF_8))) {
			return Optional.of(new Client(null, "bootstrap", Role.ADMIN, null));
		}
		// a database fault is thrown, not kept: the next request asks again
		return this.clients.get(Tokens.hash(token), this::lookUp);
	}

	/** Forgets every token's client: after a revocation, so that this instance refuses the token at once. */
	void forget() {
		this.clients.invalidateAll();
	}

	private Optional<Client> lookUp(String hash) {
		Fault last = this.fault;
		if (last != null && System.nanoTime() - last.until() < 0) {
			throw last.cause();
		}
		try {
			return read(hash);
		}
		catch (RuntimeException ex) {
			if (Unavailable.isOutage(ex)) {
				this.fault = new Fault(ex, System.nanoTime() + HOLD_FAULT_NANOS);
			}
			throw ex;
		}
	}

	private Optional<Client> read(String hash) {
		return this.jdbc.sql("SELECT id, name, role, investor_id FROM api_client WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash)
			.query((rs, row) -> {
				long investor = rs.getLong("investor_id");
				return new Client(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
						rs.wasNull() ? null : investor);
			})
			.optional();
	}

	private record Fault(RuntimeException cause, long until) {
	}

}
