package cn.changhe.portfolio.graphql;

import java.util.List;

import graphql.scalars.ExtendedScalars;
import org.dataloader.DataLoaderOptions;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
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

	/**
	 * DataLoaders without a cache across batches: a batch still loads each key once, but a value one
	 * root mutation read is never served again to a later mutation of the same document after a
	 * write in between (root mutations run one after another, each with its own batches).
	 */
	@Bean
	BatchLoaderRegistry batchLoaderRegistry() {
		return new DefaultBatchLoaderRegistry(() -> DataLoaderOptions.newOptions().setCachingEnabled(false).build());
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
