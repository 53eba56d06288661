package cn.changhe.portfolio.audit;

import cn.changhe.portfolio.security.Client;
import cn.changhe.portfolio.security.Viewer;

import org.springframework.stereotype.Component;

/**
 * Who is writing: the name of the API client behind the request, as the audit trail records it.
 */
@Component
public class Actor {

	/** Requests that carry no client's credentials. */
	public static final String ANONYMOUS = "anonymous";

	public String current() {
		return Viewer.client().map(Client::name).orElse(ANONYMOUS);
	}

}
