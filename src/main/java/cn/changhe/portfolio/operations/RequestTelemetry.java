package cn.changhe.portfolio.operations;

import java.io.IOException;

import cn.changhe.portfolio.graphql.RawErrors;
import cn.changhe.portfolio.system.StatementCounter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request's trace and its access line. Inside the trace that Spring's HTTP observation
 * opens (continuing a W3C {@code traceparent} the client sent), it names the trace in a
 * {@code traceresponse} header (W3C Trace Context level 2) and keeps its id for the errors'
 * {@code extensions.traceId}; when the answer is complete it writes one line to the logger
 * {@code cn.changhe.portfolio.access}: client, operation, cost, outcome, status, duration and,
 * where statements are counted ({@code zone.count-statements}), the statements the request
 * executed, also recorded as the meter {@code zone.statements}. Probes of
 * {@code /actuator/health} get no line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1)
class RequestTelemetry extends OncePerRequestFilter {

	/** The request attribute that GraphQL's side of the telemetry fills in ({@link GraphQlTelemetry}). */
	static final String OPERATION = RequestTelemetry.class.getName() + ".operation";

	private final Logger access;

	private final Tracer tracer;

	private final StatementCounter statements;

	private final MeterRegistry registry;

	RequestTelemetry(ObjectProvider<Tracer> tracer, ObjectProvider<StatementCounter> statements, MeterRegistry registry,
			AccessLog accessLog) {
		this.access = accessLog.logger();
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.statements = statements.getIfAvailable();
		this.registry = registry;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		Span span = this.tracer.currentSpan();
		if (span != null) {
			TraceContext trace = span.context();
			request.setAttribute(RawErrors.TRACE_ID, trace.traceId());
			response.setHeader("traceresponse", "00-" + trace.traceId() + "-" + trace.spanId()
					+ (Boolean.TRUE.equals(trace.sampled()) ? "-01" : "-00"));
		}
		if (this.statements != null) {
			this.statements.startRequest();
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			long executed = (this.statements != null) ? this.statements.endRequest() : -1;
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new Completion(() -> done(request, response, started, executed)));
			}
			else {
				done(request, response, started, executed);
			}
		}
	}

	private void done(HttpServletRequest request, HttpServletResponse response, long started, long statements) {
		GraphQlTelemetry.Operation operation = (request.getAttribute(OPERATION) instanceof GraphQlTelemetry.Operation given)
				? given : null;
		if (statements >= 0 && operation != null) {
			DistributionSummary.builder("zone.statements")
				.description("SQL statements a GraphQL request executed (where zone.count-statements is on)")
				.tag("operation", operation.tag())
				.register(this.registry)
				.record(statements);
		}
		// probes come every few seconds and say nothing of the API's use
		if (!this.access.isInfoEnabled() || request.getRequestURI().startsWith("/actuator/health")) {
			return;
		}
		long micros = (System.nanoTime() - started) / 1_000;
		var line = this.access.atInfo()
			.addKeyValue("method", request.getMethod())
			.addKeyValue("path", request.getRequestURI())
			.addKeyValue("status", response.getStatus())
			.addKeyValue("durationMs", micros / 1000.0);
		StringBuilder text = new StringBuilder().append(request.getMethod())
			.append(' ')
			.append(request.getRequestURI())
			.append(' ')
			.append(response.getStatus())
			.append(' ')
			.append(micros / 1000.0)
			.append(" ms");
		if (operation != null) {
			line = line.addKeyValue("client", operation.client())
				.addKeyValue("operation", operation.name())
				.addKeyValue("cost", operation.cost())
				.addKeyValue("outcome", operation.outcome());
			text.append(" client=")
				.append(operation.client())
				.append(" operation=")
				.append(operation.name())
				.append(" cost=")
				.append(operation.cost())
				.append(" outcome=")
				.append(operation.outcome());
		}
		if (statements >= 0) {
			line = line.addKeyValue("statements", statements);
			text.append(" statements=").append(statements);
		}
		line.log(text.toString());
	}

	private record Completion(Runnable done) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			this.done.run();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
