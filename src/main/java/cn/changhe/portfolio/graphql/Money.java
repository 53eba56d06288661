package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;

/**
 * An amount of money in one currency, held in units of that currency (元 for CNY).
 *
 * @param yuan the amount in units of the currency
 * @param currency the ISO 4217 code
 */
public record Money(BigDecimal yuan, String currency) {

	public static Money cny(BigDecimal yuan) {
		return of(yuan, "CNY");
	}

	/** Money, or null where there is no amount. */
	public static Money of(BigDecimal yuan, String currency) {
		return (yuan != null) ? new Money(yuan, (currency != null) ? currency : "CNY") : null;
	}

}
