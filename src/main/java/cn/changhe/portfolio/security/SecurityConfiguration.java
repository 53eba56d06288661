package cn.changhe.portfolio.security;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.graphql.RawErrors;
import cn.changhe.portfolio.graphql.Unavailable;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Bearer tokens over HTTP, no sessions and no cookies (so no CSRF to guard); what a client may
 * read or write is decided per field, by method security on the controllers, and per row, in the SQL.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(prePostEnabled = false)
class SecurityConfiguration {

	/** {@code @PreAuthorize}, deciding a check of roles once for each method and set of roles ({@link RoleChecks}). */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor preAuthorize(ApplicationContext context) {
		PreAuthorizeAuthorizationManager expressions = new PreAuthorizeAuthorizationManager();
		expressions.setApplicationContext(context);
		return AuthorizationManagerBeforeMethodInterceptor.preAuthorize(new RoleChecks(expressions));
	}

	/**
	 * No observation of each security filter, authentication and authorization: a request is
	 * observed whole ({@code http.server.requests}, {@code graphql.request}), and its access line
	 * says who asked and how it ended. Wrapping each of the chain's fifteen filters in an
	 * observation of its own cost a tenth of a small answer's time.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ClientTokens tokens, GraphQlCorsProperties cors, @Value("${spring.graphql.http.path:/graphql}") String path,
			ManagementPort managementPort, Unavailable.Properties outage) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.cors((configurer) -> configurer.configurationSource(corsOf(cors, path)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			// the published schema, like introspection, is for API clients
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, path + "/schema")
				.authenticated()
				// probes, without details (those are for ADMIN clients: management.endpoint.health.roles)
				.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				// a management port of its own is reached only from where it is exposed
				.requestMatchers((request) -> request.getLocalPort() == managementPort.port)
				.permitAll()
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.hasRole(cn.changhe.portfolio.security.Role.ADMIN.name())
				.anyRequest()
				.permitAll())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> BearerTokenFilter.unauthorized(request, response,
						request.getRequestURI().startsWith(path) ? "The schema is for API clients: send a bearer token."
								: "The operations endpoints are for ADMIN clients: send a bearer token."))
				.accessDeniedHandler((request, response, ex) -> RawErrors.write(request, response,
						HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "The operations endpoints are for ADMIN clients.", Map.of())))
			.addFilterBefore(new BearerTokenFilter(tokens, outage), AnonymousAuthenticationFilter.class)
			.build();
	}

	/**
	 * The origins {@code spring.graphql.cors.*} allows, for the GraphQL endpoint only; none unless
	 * configured. Given to the filter chain directly, so that a request does not ask every handler
	 * mapping for its CORS configuration.
	 */
	private static CorsConfigurationSource corsOf(GraphQlCorsProperties properties, String path) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		CorsConfiguration configuration = properties.toCorsConfiguration();
		if (configuration != null) {
			source.registerCorsConfiguration(path, configuration);
		}
		return source;
	}

	/**
	 * The limits on every operation, as graphql-java's instrumentation (see {@link QueryLimits}),
	 * after Spring's observation of the request, which sees it refuse.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer queryLimits(LimitProperties limits, RateLimiter rate, Admission admission,
			Unavailable.Properties outage) {
		QueryLimits instrumentation = new QueryLimits(limits, rate, admission, outage);
		return (builder) -> builder.instrumentation(List.of(instrumentation));
	}

	@Bean
	ManagementPort managementPort() {
		return new ManagementPort();
	}

	/** The port of the actuator's own server, once it started: none unless management.server.port is set. */
	static final class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

		private volatile int port = -1;

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			if ("management".equals(event.getApplicationContext().getServerNamespace())) {
				this.port = event.getWebServer().getPort();
			}
		}

	}

}
