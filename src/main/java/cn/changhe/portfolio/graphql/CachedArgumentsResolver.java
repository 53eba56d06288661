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
import org.springframework.validation.BindException;

/**
 * Binds {@link CachedArguments} parameters with Spring's binder, and keeps what it bound by target
 * type and argument values (at most {@value #KEPT}, the least used evicted first). Relations' fields
 * bind their arguments through the same ({@link #bind}).
 */
@Component
class CachedArgumentsResolver implements HandlerMethodArgumentResolver {

	static final int KEPT = 1_000;

	private static final GraphQlArgumentBinder BINDER = new GraphQlArgumentBinder();

	/** What was bound, by target type and argument values: the same whichever application binds them. */
	private static final Cache<Key, Object> BOUND = Caffeine.newBuilder().maximumSize(KEPT).build();

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(CachedArguments.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment env) throws Exception {
		return bind(env.getArguments(), ResolvableType.forMethodParameter(parameter));
	}

	/** A field's arguments bound to the type, as the binder binds them all, kept. */
	static Object bind(Map<String, Object> arguments, ResolvableType type) throws BindException {
		Key key = new Key(type.toClass(), arguments);
		Object value = BOUND.getIfPresent(key);
		if (value == null) {
			value = BINDER.bind(arguments, false, type);
			if (value != null) {
				BOUND.put(key, value);
			}
		}
		return value;
	}

	private record Key(Class<?> type, Map<String, Object> arguments) {
	}

}
