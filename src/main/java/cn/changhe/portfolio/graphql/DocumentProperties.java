package cn.changhe.portfolio.graphql;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Documents known by their SHA-256 hash, under {@code zone.documents.*}.
 *
 * @param registered where the registered (trusted) documents are: resource patterns of
 * {@code .graphql} files, each registered by the hash of its text at start
 * @param registeredOnly who may run registered documents only: {@code PUBLIC} (no token) and role
 * names ({@code PARTNER}, {@code ANALYST}, ...); none by default
 * @param persistedMaxLength how many characters of documents persisted by clients (Apollo's
 * automatic persisted queries) are kept at most, the least recently used going first
 */
@ConfigurationProperties("zone.documents")
public record DocumentProperties(
		@DefaultValue({ "classpath*:graphql/examples/*.graphql", "classpath*:graphql/dashboard/*.graphql" }) List<String> registered,
		@DefaultValue Set<String> registeredOnly, @DefaultValue("4000000") long persistedMaxLength) {
}
