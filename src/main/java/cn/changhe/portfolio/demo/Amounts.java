package cn.changhe.portfolio.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Money in the units the report uses, always as BigDecimal with two decimals.
 */
final class Amounts {

	static final BigDecimal WAN = new BigDecimal("10000");

	static final BigDecimal YI = new BigDecimal("100000000");

	private Amounts() {
	}

	/** An amount given in 亿 (10^8), e.g. "43.1" for 4,310,000,000.00. */
	static BigDecimal yi(String yi) {
		return new BigDecimal(yi).multiply(YI).setScale(2);
	}

	/** An amount given in 元 (or in dollars, for US-dollar amounts). */
	static BigDecimal yuan(String yuan) {
		return new BigDecimal(yuan).setScale(2);
	}

	/**
	 * Splits a total into parts in proportion to the weights, each a whole number of units, the last part
	 * taking what rounding left over, so that the parts add up to the total exactly.
	 */
	static List<BigDecimal> split(BigDecimal total, List<Long> weights, BigDecimal unit) {
		long weightSum = weights.stream().mapToLong(Long::longValue).sum();
		List<BigDecimal> parts = new ArrayList<>();
		BigDecimal rest = total;
		for (int i = 0; i < weights.size() - 1; i++) {
			BigDecimal part = total.multiply(BigDecimal.valueOf(weights.get(i)))
				.divide(unit.multiply(BigDecimal.valueOf(weightSum)), 0, RoundingMode.HALF_UP)
				.multiply(unit)
				.setScale(2);
			parts.add(part);
			rest = rest.subtract(part);
		}
		if (rest.signum() < 0) {
			throw new IllegalStateException("Rounding left " + rest + " for the last part of " + total);
		}
		parts.add(rest);
		return parts;
	}

}
