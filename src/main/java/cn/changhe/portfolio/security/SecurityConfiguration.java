package cn.changhe.portfolio.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Bearer tokens over HTTP, no sessions and no cookies (so no CSRF to guard); what a client may
 * read or write is decided per field, by method security on the controllers, and per row, in the SQL.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, JdbcClient jdbc, @Value("${zone.bootstrap-token:}") String bootstrapToken)
			throws Exception {
		return http.csrf((csrf) -> csrf.disable())
			.cors((cors) -> {
			})
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.addFilterBefore(new BearerTokenFilter(jdbc, bootstrapToken), AnonymousAuthenticationFilter.class)
			.build();
	}

	/** The limits on every operation, as graphql-java's instrumentation (see {@link QueryLimits}). */
	@Bean
	GraphQlSourceBuilderCustomizer queryLimits(LimitProperties limits, RateLimiter rate, Admission admission) {
		QueryLimits instrumentation = new QueryLimits(limits, rate, admission);
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.instrumentation(instrumentation));
	}

}
