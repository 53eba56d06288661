package cn.changhe.portfolio.graphql;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;

/**
 * Binds {@link CachedArguments} parameters with Spring's binder, and keeps what it bound by target
 * type and argument values (at most {@value #KEPT}, the least used evicted first).
 */
@Component
class CachedArgumentsResolver implements HandlerMethodArgumentResolver {

	static final int KEPT = 1_000;

	private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();

	private final Cache<Key, Object> bound = Caffeine.newBuilder().maximumSize(KEPT).build();

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(CachedArguments.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment env) throws Exception {
		Key key = new Key(parameter.getParameterType(), env.getArguments());
		Object value = this.bound.getIfPresent(key);
		if (value == null) {
			value = this.binder.bind(env, null, ResolvableType.forMethodParameter(parameter));
			if (value != null) {
				this.bound.put(key, value);
			}
		}
		return value;
	}

	private record Key(Class<?> type, Map<String, Object> arguments) {
	}

}
