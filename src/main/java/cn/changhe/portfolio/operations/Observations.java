package cn.changhe.portfolio.operations;

import cn.changhe.portfolio.graphql.IgnoresPlainFields;
import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring for GraphQL's observations of each request ({@code graphql.request}) and of each
 * non-trivial fetch ({@code graphql.datafetcher}), as Spring Boot makes them, except that the
 * request's DataLoaders are left as they are: the framework would copy them into a registry of its
 * own, to observe each batch, and lose the API's loaders that are made on demand
 * ({@code DataLoaders}). The batches are seen in the fetches that wait for them.
 */
@Configuration(proxyBeanMethods = false)
class Observations {

	@Bean
	GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry) {
		return new RequestObservations(registry);
	}

	/**
	 * The framework's instrumentation, which observes only fetches that are not trivial: so plain
	 * fields, completed without a fetch, lose nothing it would see ({@code PlainFields}).
	 */
	static class RequestObservations extends GraphQlObservationInstrumentation implements IgnoresPlainFields {

		RequestObservations(ObservationRegistry registry) {
			super(registry);
		}

		@Override
		public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			return input;
		}

	}

}
