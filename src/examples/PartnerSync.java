import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner's system keeping a copy of what it may see, with nothing but a JDK:
 *
 * <pre>java src/examples/PartnerSync.java http://localhost:8080 demo-partner-cicc copy [--once]</pre>
 *
 * The first run exports funds, commitments, investments and enterprises ({@code GET /export/...}),
 * one file a record under {@code copy/records}, and keeps the earliest {@code Zone-Changes-Cursor}
 * of the exports in {@code copy/cursor}. Every run then follows {@code changes} from that cursor,
 * writing each changed record as it now is (deleting the file of a deleted one) and the cursor after
 * each page, so that a run stopped anywhere goes on where it was. Without {@code --once} it asks
 * again every two seconds, forever.
 *
 * <pre>java src/examples/PartnerSync.java http://localhost:8080 demo-partner-cicc copy --webhook 9000 whsec_...</pre>
 *
 * listens on port 9000 for the deliveries of a webhook registered for the client (with the secret
 * {@code createWebhook} showed), checks each one's {@code Zone-Signature}, and follows the feed as
 * soon as one arrives (and every minute besides): a delivery says that there are changes, the feed
 * says what they are.
 */
@SuppressWarnings("unchecked")
public record PartnerSync(String base, String token, Path copy) {

	private static final List<String> EXPORTS = List.of("funds", "commitments", "investments", "enterprises");

	private static final String CHANGES = """
			query($after: String) {
			  changes(first: 200, after: $after) {
			    nodes { action entityId node { id ...record } }
			    pageInfo { endCursor hasNextPage }
			  }
			}
			fragment record on Node {
			  ... on Fund { name nameEn vintageYear size { amount currency } version }
			  ... on Commitment { ofFund: fund { id } byInvestor: investor { id } committed { amount currency } called { amount currency } version }
			  ... on Investment { kind year date amount { amount currency } fund { id } enterprise { id } version }
			  ... on Enterprise { name nameEn uscc version }
			  ... on Investor { name nameEn version }
			}""";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: java PartnerSync.java <base-url> <token> <copy-dir> [--once | --webhook <port> <secret>]");
			System.exit(2);
		}
		PartnerSync sync = new PartnerSync(args[0], args[1], Path.of(args[2]));
		boolean once = args.length > 3 && args[3].equals("--once");
		LinkedBlockingQueue<String> deliveries = new LinkedBlockingQueue<>();
		boolean webhook = args.length > 5 && args[3].equals("--webhook");
		if (webhook) {
			listen(Integer.parseInt(args[4]), args[5], deliveries);
		}
		String cursor = sync.start();
		while (true) {
			cursor = sync.follow(cursor);
			if (once) {
				return;
			}
			if (webhook) {
				deliveries.poll(60, TimeUnit.SECONDS);
				deliveries.clear(); // one pull reads what every delivery so far announced
			}
			else {
				Thread.sleep(2000);
			}
		}
	}

	/** Takes the webhook's deliveries on the port: 204 for a signed one, 400 for any other. */
	static void listen(int port, String secret, LinkedBlockingQueue<String> deliveries) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean signed = verified(secret, exchange.getRequestHeaders().getFirst("Zone-Signature"), body);
			if (signed) {
				deliveries.add(body);
			}
			exchange.sendResponseHeaders(signed ? 204 : 400, -1);
			exchange.close();
		});
		server.start();
	}

	/** Whether {@code t=<seconds>,v1=<hex>} is the HMAC-SHA256 of {@code <t>.<body>}, made within five minutes. */
	static boolean verified(String secret, String header, String body) {
		if (header == null || !header.matches("t=\\d{1,12},v1=[0-9a-f]{64}")) {
			return false;
		}
		String t = header.substring(2, header.indexOf(','));
		if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > 300) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
			return java.security.MessageDigest.isEqual(expected,
					HexFormat.of().parseHex(header.substring(header.indexOf("v1=") + 3)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The cursor to follow from: the one kept, or, on the first run, the export's. */
	String start() throws IOException, InterruptedException {
		Path kept = this.copy.resolve("cursor");
		if (Files.exists(kept)) {
			String cursor = Files.readString(kept).strip();
			return cursor.isEmpty() ? null : cursor;
		}
		Files.createDirectories(this.copy.resolve("records"));
		String earliest = null;
		long earliestSeq = Long.MAX_VALUE;
		for (String name : EXPORTS) {
			HttpResponse<String> answer = HTTP.send(get("/export/" + name + ".jsonl"),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (answer.statusCode() != 200) {
				throw new IOException("export of " + name + ": HTTP " + answer.statusCode() + " " + answer.body());
			}
			String cursor = answer.headers().firstValue("Zone-Changes-Cursor").orElseThrow();
			long seq = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(cursor)).replace("change:", ""));
			if (seq < earliestSeq) {
				earliestSeq = seq;
				earliest = cursor;
			}
			for (String line : answer.body().split("\n")) {
				if (!line.isBlank()) {
					Map<String, Object> row = (Map<String, Object>) new Json(line).value();
					write((String) row.get("id"), line);
				}
			}
		}
		// changes after the earliest export's snapshot cover every later one's too
		Files.writeString(kept, earliest);
		return earliest;
	}

	/** Applies every change after the cursor, page after page; the cursor after them. */
	String follow(String cursor) throws IOException, InterruptedException {
		while (true) {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("after", cursor);
			String body = Json.write(Map.of("query", CHANGES, "variables", variables));
			HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
				.header("Authorization", "Bearer " + this.token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Map<String, Object> response = (Map<String, Object>) new Json(answer.body()).value();
			if (response.get("errors") != null) {
				throw new IOException("changes: " + Json.write(response.get("errors")));
			}
			Map<String, Object> changes = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("changes");
			for (Map<String, Object> change : (List<Map<String, Object>>) changes.get("nodes")) {
				String id = (String) change.get("entityId");
				Object node = change.get("node");
				if (node == null) {
					Files.deleteIfExists(file(id));
				}
				else {
					write(id, Json.write(node));
				}
			}
			Map<String, Object> page = (Map<String, Object>) changes.get("pageInfo");
			cursor = (String) page.get("endCursor");
			if (cursor != null) {
				Files.writeString(this.copy.resolve("cursor"), cursor);
			}
			if (!Boolean.TRUE.equals(page.get("hasNextPage"))) {
				return cursor;
			}
		}
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", "Bearer " + this.token).build();
	}

	private Path file(String id) {
		return this.copy.resolve("records").resolve(id + ".json");
	}

	private void write(String id, String json) throws IOException {
		Files.writeString(file(id), json + "\n", StandardCharsets.UTF_8);
	}

	/** Enough JSON for this: objects, arrays, strings, numbers (kept exact), true, false, null. */
	static final class Json {

		private final String text;

		private int at;

		Json(String text) {
			this.text = text;
		}

		Object value() {
			skip();
			char c = this.text.charAt(this.at);
			if (c == '{') {
				Map<String, Object> object = new LinkedHashMap<>();
				this.at++;
				skip();
				if (this.text.charAt(this.at) == '}') {
					this.at++;
					return object;
				}
				while (true) {
					skip();
					String key = string();
					skip();
					this.at++; // :
					object.put(key, value());
					skip();
					if (this.text.charAt(this.at++) == '}') {
						return object;
					}
				}
			}
			if (c == '[') {
				List<Object> array = new ArrayList<>();
				this.at++;
				skip();
				if (this.text.charAt(this.at) == ']') {
					this.at++;
					return array;
				}
				while (true) {
					array.add(value());
					skip();
					if (this.text.charAt(this.at++) == ']') {
						return array;
					}
				}
			}
			if (c == '"') {
				return string();
			}
			for (String word : new String[] { "true", "false", "null" }) {
				if (this.text.startsWith(word, this.at)) {
					this.at += word.length();
					return word.equals("null") ? null : Boolean.valueOf(word);
				}
			}
			int start = this.at;
			while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
				this.at++;
			}
			return new BigDecimal(this.text.substring(start, this.at));
		}

		private String string() {
			StringBuilder out = new StringBuilder();
			this.at++; // "
			while (true) {
				char c = this.text.charAt(this.at++);
				if (c == '"') {
					return out.toString();
				}
				if (c == '\\') {
					char e = this.text.charAt(this.at++);
					switch (e) {
						case 'n' -> out.append('\n');
						case 't' -> out.append('\t');
						case 'r' -> out.append('\r');
						case 'b' -> out.append('\b');
						case 'f' -> out.append('\f');
						case 'u' -> {
							out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
							this.at += 4;
						}
						default -> out.append(e);
					}
				}
				else {
					out.append(c);
				}
			}
		}

		private void skip() {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

		static String write(Object value) {
			if (value == null) {
				return "null";
			}
			if (value instanceof Map<?, ?> map) {
				StringBuilder out = new StringBuilder("{");
				map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(write(k.toString())).append(':').append(write(v)));
				return out.append('}').toString();
			}
			if (value instanceof List<?> list) {
				StringBuilder out = new StringBuilder("[");
				list.forEach((v) -> out.append(out.length() > 1 ? "," : "").append(write(v)));
				return out.append(']').toString();
			}
			if (value instanceof String s) {
				StringBuilder out = new StringBuilder("\"");
				for (char c : s.toCharArray()) {
					switch (c) {
						case '"' -> out.append("\\\"");
						case '\\' -> out.append("\\\\");
						case '\n' -> out.append("\\n");
						case '\r' -> out.append("\\r");
						case '\t' -> out.append("\\t");
						default -> {
							if (c < 0x20) {
								out.append(String.format("\\u%04x", (int) c));
							}
							else {
								out.append(c);
							}
						}
					}
				}
				return out.append('"').toString();
			}
			return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
		}

	}

}
