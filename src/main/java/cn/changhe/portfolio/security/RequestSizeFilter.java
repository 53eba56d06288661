package cn.changhe.portfolio.security;

import java.io.IOException;
import java.util.Map;

import cn.changhe.portfolio.graphql.RawErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than a GraphQL request needs, before anything reads it: by its
 * declared length, or, for a body without one, once it has read that much.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // inside the request's trace
class RequestSizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeFilter(LimitProperties limits) {
		// A document of the longest length, in UTF-8 (up to 3 bytes a character here), with its variables.
		this.maxBytes = limits.maxDocumentLength() * 3L + 64 * 1024;
	}

	/** The dashboard's export of a shown table bounds what it reads itself (a table of 20,000 rows, 8 MB). */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return "/dashboard/export.xlsx".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			refuse(request, response);
			return;
		}
		try {
			chain.doFilter(new Capped(request, this.maxBytes), response);
		}
		catch (TooLarge ex) {
			if (!response.isCommitted()) {
				response.reset();
				refuse(request, response);
			}
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		RawErrors.write(request, response, 413, "TOO_COMPLEX", "The request is larger than " + this.maxBytes + " bytes.",
				Map.of());
	}

	private static final class TooLarge extends IOException {

		TooLarge() {
			super("request body too large");
		}

	}

	/** The request, with a body that stops at the limit. */
	private static final class Capped extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Capped(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream body = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = body.read();
						if (b >= 0 && ++this.read > Capped.this.maxBytes) {
							throw new TooLarge();
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = body.read(buffer, offset, length);
						if (n > 0 && (this.read += n) > Capped.this.maxBytes) {
							throw new TooLarge();
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return body.isFinished();
					}

					@Override
					public boolean isReady() {
						return body.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						body.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
