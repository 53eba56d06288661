package cn.changhe.portfolio.graphql;

import java.util.List;

import graphql.scalars.ExtendedScalars;
import org.dataloader.DataLoaderOptions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

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
	 * The DataLoaders of {@code @BatchMapping} methods (the other loaders are {@link DataLoaders}),
	 * without a cache across batches, as {@link DataLoaders} explains.
	 */
	@Bean
	BatchLoaderRegistry batchLoaderRegistry() {
		return new DefaultBatchLoaderRegistry(() -> DataLoaderOptions.newOptions().setCachingEnabled(false).build());
	}

	/** The endpoint, reading and writing its JSON with one converter (see {@link ResultJson}). */
	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper mapper) {
		return new GraphQlHttpHandler(handler, new ResultJson(mapper));
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
