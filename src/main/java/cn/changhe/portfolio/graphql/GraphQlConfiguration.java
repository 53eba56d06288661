package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import cn.changhe.portfolio.security.RateProperties;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
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

	/**
	 * The extended scalars' Date and DateTime, for the days that exist (theirs reads 2024-02-30 as
	 * 2024-02-29) in the years a MySQL DATE or DATETIME holds.
	 */
	private static final GraphQLScalarType DATE = GraphQLScalarType.newScalar(ExtendedScalars.Date)
		.coercing(new StoredDates(ExtendedScalars.Date.getCoercing(),
				DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT)))
		.build();

	private static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
		.coercing(new StoredDates(ExtendedScalars.DateTime.getCoercing(),
				DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT)))
		.build();

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(BIG_DECIMAL)
			.scalar(DATE)
			.scalar(DATE_TIME)
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
	HttpEndpoint graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper mapper, HttpProperties properties,
			RateProperties rate) {
		return new HttpEndpoint(handler, new ResultJson(mapper), properties, rate.refusalDelay());
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

		private static final int MAX_INTEGER_DIGITS = 18;

		private static final int MAX_FRACTION_DIGITS = 10;

		@Override
		public Object serialize(Object value, GraphQLContext context, Locale locale) {
			return (value instanceof BigDecimal) ? value : this.coercing.serialize(value, context, locale);
		}

		@Override
		public Object parseValue(Object input, GraphQLContext context, Locale locale) {
			return bounded(this.coercing.parseValue(input, context, locale), CoercingParseValueException::new);
		}

		@Override
		public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			return bounded(this.coercing.parseLiteral(input, variables, context, locale),
					CoercingParseLiteralException::new);
		}

		/**
		 * The value, if no column could be narrower than it: at most 18 digits before the point
		 * (DECIMAL(20,2)) and 10 after it (an amount in 亿元 to the 分). Checked on the scale and
		 * precision alone, so that {@code 1e1000000000} is refused before any arithmetic.
		 */
		private static Object bounded(Object value, Function<String, RuntimeException> refusal) {
			if (value instanceof BigDecimal decimal) {
				BigDecimal stripped = (decimal.signum() == 0) ? BigDecimal.ZERO : decimal.stripTrailingZeros();
				long integerDigits = (long) stripped.precision() - stripped.scale();
				if (integerDigits > MAX_INTEGER_DIGITS || stripped.scale() > MAX_FRACTION_DIGITS) {
					throw refusal.apply("A BigDecimal has at most " + MAX_INTEGER_DIGITS + " digits before the point and "
							+ MAX_FRACTION_DIGITS + " after it");
				}
			}
			return value;
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return this.coercing.valueToLiteral(input, context, locale);
		}

	}

	/** @param strict the format, resolving strictly: no 30 February */
	private record StoredDates(Coercing<?, ?> coercing, DateTimeFormatter strict) implements Coercing<Object, Object> {

		private static final int MIN_YEAR = 1000;

		private static final int MAX_YEAR = 9999;

		@Override
		public Object serialize(Object value, GraphQLContext context, Locale locale) {
			return this.coercing.serialize(value, context, locale);
		}

		@Override
		public Object parseValue(Object input, GraphQLContext context, Locale locale) {
			strict(input, CoercingParseValueException::new);
			return stored(this.coercing.parseValue(input, context, locale), CoercingParseValueException::new);
		}

		@Override
		public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			strict((input instanceof StringValue text) ? text.getValue() : null, CoercingParseLiteralException::new);
			return stored(this.coercing.parseLiteral(input, variables, context, locale), CoercingParseLiteralException::new);
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return this.coercing.valueToLiteral(input, context, locale);
		}

		private void strict(Object input, Function<String, RuntimeException> refusal) {
			if (input instanceof String text) {
				try {
					this.strict.parse(text);
				}
				catch (DateTimeParseException ex) {
					throw refusal.apply("Not a day that exists: " + text);
				}
			}
		}

		private static Object stored(Object value, Function<String, RuntimeException> refusal) {
			int year = MIN_YEAR;
			if (value instanceof LocalDate date) {
				year = date.getYear();
			}
			else if (value instanceof OffsetDateTime time) {
				// in UTC, as it is stored; a year near the end of time overflows on the way
				year = (Math.abs(time.getYear()) > MAX_YEAR) ? time.getYear()
						: time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
			}
			if (year < MIN_YEAR || year > MAX_YEAR) {
				throw refusal.apply("A date is in the years " + MIN_YEAR + " to " + MAX_YEAR + ", was " + value);
			}
			return value;
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
	GraphQlSourceBuilderCustomizer plainFields(ObjectProvider<DataFetcherExceptionResolver> resolvers,
			DataLoaders loaders) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.queryExecutionStrategy(
				new PlainFields(DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()),
						loaders)));
	}

}
