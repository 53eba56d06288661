package cn.changhe.portfolio.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import cn.changhe.portfolio.graphql.RawErrors;
import cn.changhe.portfolio.graphql.Unavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer} token: a client's, or the bootstrap
 * token from the environment ({@link ClientTokens}). A
 * request without one is the public's; a token that matches nothing is refused outright.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final ClientTokens tokens;

	private final Duration retryAfter;

	BearerTokenFilter(ClientTokens tokens, Unavailable.Properties outage) {
		this.tokens = tokens;
		this.retryAfter = outage.retryAfter();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Client> client;
		try {
			client = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
					? this.tokens.client(header.substring(PREFIX.length()).strip()) : Optional.empty();
		}
		catch (DataAccessException ex) {
			if (!Unavailable.isOutage(ex)) {
				throw ex;
			}
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.retryAfter.toSeconds()));
			RawErrors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "UNAVAILABLE",
					Unavailable.message(this.retryAfter), Map.of("retryAfter", this.retryAfter.toSeconds()));
			return;
		}
		if (client.isEmpty()) {
			unauthorized(request, response, "The bearer token is not valid, or was revoked.");
			return;
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(client.get(), null, client.get().authorities());
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** A 401 asking for a bearer token, with the API's JSON error. */
	static void unauthorized(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		RawErrors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", message, Map.of());
	}

}
