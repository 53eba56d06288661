package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;

/**
 * The unit an amount is given in: 元, 万元 (10⁴) or 亿元 (10⁸). Conversions move the decimal
 * point, so they are exact.
 */
public enum MoneyUnit {

	YUAN(0), WAN(4), YI(8);

	private final int exponent;

	MoneyUnit(int exponent) {
		this.exponent = exponent;
	}

	/** An amount in this unit, in units of the currency (元). */
	public BigDecimal toYuan(BigDecimal amount) {
		return amount.movePointRight(this.exponent);
	}

	/** An amount in units of the currency, in this unit, without trailing zeros. */
	public BigDecimal fromYuan(BigDecimal yuan) {
		BigDecimal converted = yuan.movePointLeft(this.exponent).stripTrailingZeros();
		// A plain number for JSON: 1E+2 would be read back as a float by some clients.
		return (converted.scale() < 0) ? converted.setScale(0) : converted;
	}

}
