package cn.changhe.portfolio.graphql;

import java.util.List;

import graphql.scalars.ExtendedScalars;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * What every feature's schema shares: the extended scalars and global ids on every {@code Node}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(ExtendedScalars.GraphQLBigDecimal)
			.scalar(ExtendedScalars.Date)
			.scalar(ExtendedScalars.DateTime)
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.Json);
	}

	@Bean
	GraphQlSourceBuilderCustomizer globalIds() {
		return (builder) -> builder.typeVisitors(List.of(new NodeIdVisitor()));
	}

}
