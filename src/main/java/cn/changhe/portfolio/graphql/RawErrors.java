package cn.changhe.portfolio.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors answered before a request reaches GraphQL (a token refused, a body too large, the
 * database out of reach while the token is looked up), written as GraphQL writes its errors, with
 * the request's trace id in {@code extensions.traceId} as every error of the API carries it.
 */
public final class RawErrors {

	/** The request attribute holding the request's trace id, set where its trace begins. */
	public static final String TRACE_ID = RawErrors.class.getName() + ".traceId";

	private RawErrors() {
	}

	/** The request's trace id, or null outside a trace. */
	public static String traceId(HttpServletRequest request) {
		return (request.getAttribute(TRACE_ID) instanceof String id) ? id : null;
	}

	/**
	 * Writes an answer with one error.
	 * @param extensions more extensions beside the classification and trace id: strings and numbers
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, int status, String classification,
			String message, Map<String, Object> extensions) throws IOException {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("classification", classification);
		all.putAll(extensions);
		String traceId = traceId(request);
		if (traceId != null) {
			all.put("traceId", traceId);
		}
		StringBuilder json = new StringBuilder("{\"errors\":[{\"message\":").append(string(message)).append(",\"extensions\":{");
		all.forEach((key, value) -> json.append(string(key))
			.append(':')
			.append((value instanceof Number) ? value.toString() : string(String.valueOf(value)))
			.append(','));
		json.setLength(json.length() - 1);
		json.append("}}]}");
		byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("application/json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String string(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

}
