package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The problems found in a mutation's input, each naming the input field at fault. A mutation
 * checks everything, then writes only when there is nothing here.
 */
public final class Problems {

	/** The largest amount a DECIMAL(18, 2) column holds. */
	public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private final List<UserError> errors = new ArrayList<>();

	public boolean any() {
		return !this.errors.isEmpty();
	}

	public List<UserError> errors() {
		return List.copyOf(this.errors);
	}

	public void add(UserError.Code code, String message, String... path) {
		this.errors.add(new UserError(Arrays.asList(path), code, message));
	}

	/** Whether the field at this path already has a problem. */
	public boolean has(String... path) {
		List<String> field = Arrays.asList(path);
		return this.errors.stream().anyMatch((error) -> error.field().equals(field));
	}

	/** Whether the value is left out: a REQUIRED problem where it must be given. */
	public boolean absent(Object value, boolean required, String... path) {
		if (value == null && required) {
			add(UserError.Code.REQUIRED, label(path) + " is required.", path);
		}
		return value == null;
	}

	/** A name that is present, trimmed, and at most so long; null (with a problem) otherwise. */
	public String name(String value, boolean required, int maxLength, String... path) {
		if (absent((value != null && !value.isBlank()) ? value : null, required, path)) {
			return null;
		}
		String name = value.strip();
		if (name.length() > maxLength) {
			add(UserError.Code.INVALID, label(path) + " must be at most " + maxLength + " characters.", path);
			return null;
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			add(UserError.Code.INVALID, label(path) + " must not contain control characters.", path);
			return null;
		}
		return name;
	}

	/**
	 * A code: capital letters, digits and underscores, starting with a letter, at most so long (such
	 * as the example); null (with a problem) otherwise.
	 */
	public String code(String value, int maxLength, String example, String... path) {
		String code = name(value, true, Integer.MAX_VALUE, path);
		if (code != null && (code.length() > maxLength || !CODE.matcher(code).matches())) {
			add(UserError.Code.INVALID, label(path) + " must be capital letters, digits and underscores, starting with a letter, at most "
					+ maxLength + " characters (such as " + example + ").", path);
			return null;
		}
		return code;
	}

	/** An amount of money in 元: non-negative, within what the ledger holds, at most two decimals, in a valid currency. */
	public BigDecimal money(MoneyInput money, boolean required, String... path) {
		if (absent(money, required, path)) {
			return null;
		}
		if (money.amount() == null) {
			add(UserError.Code.REQUIRED, label(path) + ".amount is required.", append(path, "amount"));
			return null;
		}
		BigDecimal yuan = money.yuan();
		if (yuan.signum() < 0) {
			add(UserError.Code.INVALID, label(path) + " must not be negative.", append(path, "amount"));
			return null;
		}
		if (yuan.compareTo(MAX_AMOUNT) > 0) {
			add(UserError.Code.INVALID, label(path) + " is larger than the ledger holds.", append(path, "amount"));
			return null;
		}
		if (yuan.stripTrailingZeros().scale() > 2) {
			add(UserError.Code.INVALID, label(path) + " has fractions of a fen (0.01 元).", append(path, "amount"));
			return null;
		}
		currency(money.currency(), append(path, "currency"));
		return yuan.setScale(2);
	}

	public String currency(String currency, String... path) {
		if (currency == null || !CURRENCY.matcher(currency).matches()) {
			add(UserError.Code.INVALID, label(path) + " must be an ISO 4217 code such as CNY or USD.", path);
			return null;
		}
		return currency;
	}

	/** A year within reason. */
	public Integer year(Integer year, boolean required, String... path) {
		if (absent(year, required, path)) {
			return null;
		}
		if (year < Years.MIN || year > Years.MAX) {
			add(UserError.Code.INVALID, label(path) + " must be a year between " + Years.MIN + " and " + Years.MAX + ".",
					path);
			return null;
		}
		return year;
	}

	/** A day that has happened: records are of what has happened, not of plans. */
	public LocalDate pastDate(LocalDate date, boolean required, String... path) {
		if (absent(date, required, path)) {
			return null;
		}
		if (date.getYear() < Years.MIN || date.isAfter(LocalDate.now(ZoneOffset.UTC))) {
			add(UserError.Code.INVALID, label(path) + " must be a day between " + Years.MIN + " and today.", path);
			return null;
		}
		return date;
	}

	/** The key of a global id of the given type; a problem where it is malformed or of another type. */
	public Optional<Long> key(String id, String type, boolean required, String... path) {
		if (absent(id, required, path)) {
			return Optional.empty();
		}
		Optional<GlobalId> decoded = GlobalId.decode(id);
		if (decoded.isEmpty() || !decoded.get().type().equals(type)) {
			add(UserError.Code.INVALID, label(path) + " is not the id of a " + type + ".", path);
			return Optional.empty();
		}
		return Optional.of(decoded.get().key());
	}

	/** A row that must exist: a NOT_FOUND problem where it does not. */
	public <T> Optional<T> found(Optional<T> row, String type, String... path) {
		if (row.isEmpty()) {
			add(UserError.Code.NOT_FOUND, "No " + type + " has the id in " + label(path) + ".", path);
		}
		return row;
	}

	private static String[] append(String[] path, String last) {
		String[] longer = Arrays.copyOf(path, path.length + 1);
		longer[path.length] = last;
		return longer;
	}

	private static String label(String... path) {
		return "`" + String.join(".", path) + "`";
	}

}
