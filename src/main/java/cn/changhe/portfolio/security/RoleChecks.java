package cn.changhe.portfolio.security;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.aopalliance.intercept.MethodInvocation;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * {@code @PreAuthorize}, with each decision that depends on the caller's roles alone taken once for
 * each method and set of authorities: the root fields' checks ({@link Access}) are
 * {@code hasRole}/{@code hasAnyRole}, whose answer cannot change between two callers with the same
 * roles, and evaluating the expression anew cost a context and a SpEL walk on every root field of
 * every request. Any other expression (one that reads an argument, say) is evaluated every time.
 */
final class RoleChecks implements AuthorizationManager<MethodInvocation>, MethodAuthorizationDeniedHandler {

	/** {@code hasRole('X')} or {@code hasAnyRole('X', 'Y', ...)}, and nothing else. */
	private static final Pattern ROLES_ONLY = Pattern
		.compile("(hasRole\\('[A-Z_]+'\\)|hasAnyRole\\('[A-Z_]+'(, ?'[A-Z_]+')*\\))");

	/** More decisions than methods times roles would mean authorities made up per caller: stop keeping them. */
	private static final int MAX_KEPT = 4096;

	private final PreAuthorizeAuthorizationManager expressions;

	private final Map<Method, Boolean> rolesOnly = new ConcurrentHashMap<>();

	private final Map<Decision, AuthorizationResult> decided = new ConcurrentHashMap<>();

	RoleChecks(PreAuthorizeAuthorizationManager expressions) {
		this.expressions = expressions;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			MethodInvocation invocation) {
		Method method = invocation.getMethod();
		if (!this.rolesOnly.computeIfAbsent(method, RoleChecks::rolesOnly)) {
			return this.expressions.authorize(authentication, invocation);
		}
		Authentication caller = authentication.get();
		Decision decision = new Decision(method, (caller != null) ? List.copyOf(caller.getAuthorities()) : List.of());
		AuthorizationResult result = this.decided.get(decision);
		if (result == null) {
			result = this.expressions.authorize(() -> caller, invocation);
			if (this.decided.size() < MAX_KEPT) {
				this.decided.put(decision, result);
			}
		}
		return result;
	}

	@Override
	public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
		return this.expressions.handleDeniedInvocation(invocation, result);
	}

	private static boolean rolesOnly(Method method) {
		PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
		return annotation != null && ROLES_ONLY.matcher(annotation.value()).matches();
	}

	/** A method and the authorities of a caller (compared by value). */
	private record Decision(Method method, List<GrantedAuthority> authorities) {
	}

}
