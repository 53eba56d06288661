package cn.changhe.portfolio.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct document once: the dashboard sends the same few documents
 * all day. Only valid documents are kept, and only so many, so that a flood of distinct or broken
 * documents cannot grow it. It is also where a mutation sent by GET is refused, as soon as the
 * document tells what its operation is.
 */
class DocumentCache implements PreparsedDocumentProvider {

	private final Cache<String, PreparsedDocumentEntry> documents;

	DocumentCache(long maximumSize) {
		this.documents = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry entry = this.documents.getIfPresent(input.getQuery());
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (entry.hasErrors()) {
				return CompletableFuture.completedFuture(entry);
			}
			this.documents.put(input.getQuery(), entry);
		}
		GraphQLError refusal = HttpEndpoint.refusal(input, entry.getDocument());
		return CompletableFuture.completedFuture((refusal != null) ? new PreparsedDocumentEntry(refusal) : entry);
	}

	long size() {
		return this.documents.estimatedSize();
	}

}
