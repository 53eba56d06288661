package cn.changhe.portfolio.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The trusted documents: the project's example operations and the dashboard's, each registered at
 * start by the SHA-256 hash of its text, so that a client can send the hash alone (Apollo's
 * {@code extensions.persistedQuery}) and a client limited to them
 * ({@code zone.documents.registered-only}) runs nothing else.
 */
@Component
public class RegisteredDocuments {

	private final Map<String, Registered> byHash = new LinkedHashMap<>();

	private final Set<String> operationNames;

	RegisteredDocuments(DocumentProperties properties, ResourcePatternResolver resources) {
		try {
			for (String pattern : properties.registered()) {
				for (Resource resource : resources.getResources(pattern)) {
					String text = resource.getContentAsString(StandardCharsets.UTF_8);
					this.byHash.put(sha256(text), new Registered(resource.getFilename(), text));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The registered documents could not be read", ex);
		}		Set<String> names = new HashSet<>();
		for (Registered registered : this.byHash.values()) {
			for (OperationDefinition operation : Parser.parse(registered.text()).getDefinitionsOfType(OperationDefinition.class)) {
				if (operation.getName() != null) {
					names.add(operation.getName());
				}
			}
		}
		this.operationNames = Set.copyOf(names);
	}

	/** The text registered under this hash (lower-case hex), or null. */
	public String text(String hash) {
		Registered registered = this.byHash.get(hash);
		return (registered != null) ? registered.text() : null;
	}

	public boolean contains(String hash) {
		return this.byHash.containsKey(hash);
	}

	/** Every registered document by its hash. */
	public Map<String, Registered> all() {
		return Map.copyOf(this.byHash);
	}

	/** The names of the registered documents' operations: the names metrics are tagged with. */
	public Set<String> operationNames() {
		return this.operationNames;
	}

	/** The SHA-256 hash of a document's UTF-8 text, in lower-case hex, as Apollo's clients compute it. */
	public static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** A registered document: the file it came from and its text. */
	public record Registered(String file, String text) {
	}

}
