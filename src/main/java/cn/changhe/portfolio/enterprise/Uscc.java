package cn.changhe.portfolio.enterprise;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of a 31-character
 * alphabet, the last one a check character computed over the first 17.
 *
 * <p>Only the alphabet, the length and the check character are checked. The standard also restricts
 * position 1 (the registration authority, e.g. 1, 5, 9, Y), position 2 (the kind of entity), positions
 * 3-8 (an administrative division code) and positions 9-17 (the organisation code with its own GB 11714
 * check); those are left alone because the registries have issued codes that stretch them.
 */
public final class Uscc {

	/** Characters in a code. */
	public static final int LENGTH = 18;

	/** The digits and upper-case letters less I, O, Z, S and V, which read like 1, 0, 2, 5 and U. */
	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	// 3^(i) mod 31 for positions 1..17.
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private Uscc() {
	}

	/**
	 * Whether {@code code} is 18 characters of the alphabet (upper case) ending in the right check character.
	 */
	public static boolean isValid(String code) {
		if (code == null || code.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < LENGTH; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		return checkCharacter(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1);
	}

	/**
	 * The check character for the first 17 characters of a code.
	 * @throws IllegalArgumentException if {@code first17} is null, not 17 characters long, or has a
	 * character outside the alphabet
	 */
	public static char checkCharacter(String first17) {
		if (first17 == null || first17.length() != LENGTH - 1) {
			throw new IllegalArgumentException("A USCC without its check character has 17 characters: " + first17);
		}
		int sum = 0;
		for (int i = 0; i < first17.length(); i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException(
						"Character '" + first17.charAt(i) + "' at position " + (i + 1) + " is not in the USCC alphabet");
			}
			sum += value * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

	/**
	 * The full 18-character code: {@code first17} followed by its check character.
	 * @throws IllegalArgumentException as {@link #checkCharacter(String)} does
	 */
	public static String withCheckCharacter(String first17) {
		return first17 + checkCharacter(first17);
	}

}
