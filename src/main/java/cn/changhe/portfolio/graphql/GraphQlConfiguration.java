package cn.changhe.portfolio.graphql;

import java.util.List;

import graphql.scalars.ExtendedScalars;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * What every feature's schema shares: the extended scalars, global ids on every {@code Node}, and
 * the cache of parsed documents.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(ExtendedScalars.GraphQLBigDecimal)
			.scalar(ExtendedScalars.Date)
			.scalar(ExtendedScalars.DateTime)
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.Json)
			.type("Money", (type) -> type.dataFetcher("amount", new MoneyAmount()));
	}

	@Bean
	DocumentCache documentCache() {
		return new DocumentCache(2_000);
	}

	@Bean
	GraphQlSourceBuilderCustomizer globalIdsAndDocumentCache(DocumentCache documents) {
		return (builder) -> builder.typeVisitorsToTransformSchema(List.of(new SchemaConventions()))
			.typeVisitors(List.of(new NodeIdVisitor()))
			.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

}
