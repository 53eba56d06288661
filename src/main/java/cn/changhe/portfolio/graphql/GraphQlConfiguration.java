package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import org.dataloader.DataLoaderOptions;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What every feature's schema shares: the extended scalars, global ids on every {@code Node}, the
 * documents known by hash and the cache of parsed documents, and the endpoint over POST and GET.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	/**
	 * The extended scalars' BigDecimal, except that a BigDecimal is written as it is: theirs prints
	 * every value and parses it back, thousands of times in a wide answer, to the same number.
	 */
	private static final GraphQLScalarType BIG_DECIMAL = GraphQLScalarType.newScalar(ExtendedScalars.GraphQLBigDecimal)
		.coercing(new BigDecimalCoercing(ExtendedScalars.GraphQLBigDecimal.getCoercing()))
		.build();

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(BIG_DECIMAL)
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
	HttpEndpoint graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper mapper, HttpProperties properties) {
		return new HttpEndpoint(handler, new ResultJson(mapper), properties);
	}

	/** Spring's ETags, on the endpoint's answers to GET: a 304 for an {@code If-None-Match} that matches. */
	@Bean
	FilterRegistrationBean<GetEtags> etags(GraphQlProperties properties) {
		FilterRegistrationBean<GetEtags> registration = new FilterRegistrationBean<>(new GetEtags());
		registration.addUrlPatterns(properties.getHttp().getPath());
		return registration;
	}

	/** ETags for GET only: an answer to POST is not cached, and is not copied to be hashed. */
	static final class GetEtags extends ShallowEtagHeaderFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !HttpMethod.GET.matches(request.getMethod());
		}

	}

	/** GET on the endpoint, ahead of Spring Boot's routes, which answer GET with 405. */
	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> graphQlGet(HttpEndpoint endpoint, GraphQlProperties properties) {
		return RouterFunctions.route().GET(properties.getHttp().getPath(), endpoint::get).build();
	}

	private record BigDecimalCoercing(Coercing<?, ?> coercing) implements Coercing<Object, Object> {

		@Override
		public Object serialize(Object value, GraphQLContext context, Locale locale) {
			return (value instanceof BigDecimal) ? value : this.coercing.serialize(value, context, locale);
		}

		@Override
		public Object parseValue(Object input, GraphQLContext context, Locale locale) {
			return this.coercing.parseValue(input, context, locale);
		}

		@Override
		public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			return this.coercing.parseLiteral(input, variables, context, locale);
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return this.coercing.valueToLiteral(input, context, locale);
		}

	}

	@Bean
	DocumentCache documentCache() {
		return new DocumentCache(2_000);
	}

	@Bean
	PersistedDocuments persistedDocuments(DocumentCache documents, RegisteredDocuments registered,
			DocumentProperties properties) {
		return new PersistedDocuments(documents, registered, properties.persistedMaxLength());
	}

	@Bean
	GraphQlSourceBuilderCustomizer globalIdsAndDocuments(PersistedDocuments documents) {
		return (builder) -> builder.typeVisitorsToTransformSchema(List.of(new SchemaConventions()))
			.typeVisitors(List.of(new NodeIdVisitor()))
			.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

	/**
	 * Queries run by {@link PlainFields} (unless {@code zone.plain-fields=false}), with the exception
	 * handler the framework gives graphql-java: made from the same resolvers, in the same order.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "zone.plain-fields", matchIfMissing = true)
	GraphQlSourceBuilderCustomizer plainFields(ObjectProvider<DataFetcherExceptionResolver> resolvers) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.queryExecutionStrategy(
				new PlainFields(DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()))));
	}

}
