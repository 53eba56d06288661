package cn.changhe.portfolio.audit;

import org.springframework.stereotype.Component;

/**
 * Who is writing: the name of the API client behind the request, as the audit trail records it.
 */
@Component
public class Actor {

	/** Requests that carry no client's credentials. */
	public static final String ANONYMOUS = "anonymous";

	public String current() {
		return ANONYMOUS;
	}

}
