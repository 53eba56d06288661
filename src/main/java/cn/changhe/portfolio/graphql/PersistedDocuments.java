package cn.changhe.portfolio.graphql;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;

import org.springframework.graphql.execution.ErrorType;

/**
 * Where every request's document comes from. A document sent by its SHA-256 hash
 * ({@code extensions.persistedQuery}, Apollo's automatic persisted queries) is a registered one
 * ({@link RegisteredDocuments}) or one a client sent with its hash before, kept in a bounded store:
 * an unknown hash is {@code PersistedQueryNotFound}, which tells the client to send the text with
 * the hash once, and a text that does not match its hash is refused. Every document, sent by hash
 * or as text, is then parsed and validated once ({@link DocumentCache}).
 */
final class PersistedDocuments extends ApolloPersistedQuerySupport {

	private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

	private final DocumentCache documents;

	private final Texts texts;

	PersistedDocuments(DocumentCache documents, RegisteredDocuments registered, long maxLength) {
		this(documents, new Texts(registered, maxLength));
	}

	private PersistedDocuments(DocumentCache documents, Texts texts) {
		super(texts);
		this.documents = documents;
		this.texts = texts;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Object persisted = input.getExtensions().get("persistedQuery");
		if (persisted == null) {
			return this.documents.getDocumentAsync(input, parseAndValidate);
		}
		if (!(persisted instanceof Map<?, ?> query) || !(query.get("sha256Hash") instanceof String hash)
				|| !SHA_256.matcher(hash).matches() || !Integer.valueOf(1).equals(query.get("version"))) {
			GraphQLError error = GraphQLError.newError()
				.message("extensions.persistedQuery must be { version: 1, sha256Hash: \"<the document's SHA-256 in hex>\" }.")
				.errorType(ErrorType.BAD_REQUEST)
				.extensions(Map.of("parameter", "extensions"))
				.build();
			return CompletableFuture.completedFuture(new PreparsedDocumentEntry(error));
		}
		return super.getDocumentAsync(input, (known) -> this.documents.getDocumentAsync(known, parseAndValidate).join());
	}

	/** graphql-java's error, with the {@code code} Apollo's servers give it too. */
	@Override
	protected PreparsedDocumentEntry mkMissingError(PersistedQueryError error) {
		Map<String, Object> extensions = new LinkedHashMap<>(super.mkMissingError(error).getErrors().get(0).getExtensions());
		extensions.put("code", (error instanceof PersistedQueryNotFound) ? "PERSISTED_QUERY_NOT_FOUND" : "PERSISTED_QUERY_ID_INVALID");
		return new PreparsedDocumentEntry(GraphQLError.newError().message(error.getMessage()).errorType(error).extensions(extensions).build());
	}

	/**
	 * The texts of documents by hash: the registered ones, then those clients persisted, at most
	 * so many characters of them, the least recently used going first.
	 */
	private static final class Texts implements PersistedQueryCache {

		private final RegisteredDocuments registered;

		private final Cache<String, String> persisted;

		Texts(RegisteredDocuments registered, long maxLength) {
			this.registered = registered;
			this.persisted = Caffeine.newBuilder()
				.maximumWeight(maxLength)
				.weigher((String hash, String text) -> text.length())
				.build();
		}

		@Override
		public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object id, ExecutionInput input,
				PersistedQueryCacheMiss parse) {
			String hash = id.toString().toLowerCase(Locale.ROOT);
			String sent = input.getQuery();
			boolean withText = !sent.isBlank() && !PERSISTED_QUERY_MARKER.equals(sent);
			String text = withText ? sent : known(hash);
			// refuses a missing text (PersistedQueryNotFound) and one that does not match its hash
			PreparsedDocumentEntry entry = parse.apply(text);
			if (withText && !entry.hasErrors() && !this.registered.contains(hash)) {
				this.persisted.put(hash, text);
			}
			return CompletableFuture.completedFuture(entry);
		}

		private String known(String hash) {
			String text = this.registered.text(hash);
			return (text != null) ? text : this.persisted.getIfPresent(hash);
		}

	}

	/** The characters of the documents clients persisted that are kept now. */
	long persistedLength() {
		this.texts.persisted.cleanUp();
		return this.texts.persisted.policy().eviction().orElseThrow().weightedSize().orElse(0);
	}

}
