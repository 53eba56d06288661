package cn.changhe.portfolio.writes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

/**
 * The contract's mutation operations, one at a time, as written in graphql-test/mutations.graphql.
 */
final class WritesDocuments {

	private WritesDocuments() {
	}

	static String contract(String operation) {
		String all;
		try {
			all = new ClassPathResource("graphql-test/mutations.graphql").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher matcher = Pattern.compile("(?ms)^(mutation|query) " + operation + "\\b.*?^}").matcher(all);
		if (!matcher.find()) {
			throw new IllegalArgumentException("No operation " + operation + " in the contract");
		}
		return matcher.group();
	}

}
