package cn.changhe.portfolio.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller method parameter bound from all of its field's arguments, as with Spring's
 * {@code @Arguments}, but bound once for each set of argument values and kept: Spring's binder
 * reflects over the target records on every call, and a dashboard asks the same questions again and
 * again. The target must be immutable (a record of values); a binding that fails is not kept.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CachedArguments {

}
