package cn.changhe.portfolio.security;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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

	@Bean
	SecurityFilterChain api(HttpSecurity http, JdbcClient jdbc, @Value("${zone.bootstrap-token:}") String bootstrapToken,
			GraphQlCorsProperties cors, @Value("${spring.graphql.http.path:/graphql}") String path) throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.cors((configurer) -> configurer.configurationSource(corsOf(cors, path)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.servletApi((api) -> api.disable())
			// the published schema, like introspection, is for API clients
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, path + "/schema")
				.authenticated()
				.anyRequest()
				.permitAll())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> BearerTokenFilter
				.unauthorized(response, "The schema is for API clients: send a bearer token.")))
			.addFilterBefore(new BearerTokenFilter(jdbc, bootstrapToken), AnonymousAuthenticationFilter.class)
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

	/** The limits on every operation, as graphql-java's instrumentation (see {@link QueryLimits}). */
	@Bean
	GraphQlSourceBuilderCustomizer queryLimits(LimitProperties limits, RateLimiter rate, Admission admission) {
		QueryLimits instrumentation = new QueryLimits(limits, rate, admission);
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.instrumentation(instrumentation));
	}

}
