package cn.changhe.portfolio.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque global id of an object: its GraphQL type and its key, as base64url of
 * {@code Type:key}. Clients treat it as opaque; it stays stable for the life of the object.
 *
 * @param type the GraphQL type name
 * @param key the row id within that type
 */
public record GlobalId(String type, long key) {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** Longer than any id this service issues; decoding stops there. */
	private static final int MAX_LENGTH = 120;

	/** The most ids a filter takes. */
	public static final int MAX_IDS = 1000;

	public static String encode(String type, long key) {
		return ENCODER.encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The id's type and key, or empty where the text is not an id this service issued.
	 */
	public static Optional<GlobalId> decode(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		String text;
		try {
			text = new String(DECODER.decode(id), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		int colon = text.indexOf(':');
		if (colon <= 0 || colon == text.length() - 1) {
			return Optional.empty();
		}
		String type = text.substring(0, colon);
		String key = text.substring(colon + 1);
		if (!type.chars().allMatch(Character::isLetter) || !key.chars().allMatch((c) -> c >= '0' && c <= '9')
				|| key.length() > 18) {
			return Optional.empty();
		}
		return Optional.of(new GlobalId(type, Long.parseLong(key)));
	}

	/**
	 * The key of an id that must be of the given type.
	 * @throws InvalidInput naming the argument when the id is malformed or of another type
	 */
	public static long keyOf(String id, String expectedType, String argument) {
		GlobalId decoded = decode(id)
			.orElseThrow(() -> new InvalidInput(argument, "`" + argument + "` is not a valid id."));
		if (!decoded.type().equals(expectedType)) {
			throw new InvalidInput(argument, "`" + argument + "` is the id of a " + decoded.type() + ", not of a "
					+ expectedType + ".");
		}
		return decoded.key();
	}

	/**
	 * The keys of ids that must all be of the given type, at most {@value #MAX_IDS} of them.
	 * @throws InvalidInput naming the argument when one is malformed or of another type, or when there are more
	 */
	public static java.util.List<Long> keysOf(java.util.List<String> ids, String expectedType, String argument) {
		if (ids.size() > MAX_IDS) {
			throw new InvalidInput(argument,
					"`" + argument + "` holds at most " + MAX_IDS + " ids, was " + ids.size() + ".");
		}
		return ids.stream().map((id) -> keyOf(id, expectedType, argument)).toList();
	}

	@Override
	public String toString() {
		return encode(this.type, this.key);
	}

}
