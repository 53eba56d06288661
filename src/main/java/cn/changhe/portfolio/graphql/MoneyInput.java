package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;

/**
 * An amount as a client gives it: a number, its unit and its currency.
 */
public record MoneyInput(BigDecimal amount, MoneyUnit unit, String currency) {

	public MoneyInput {
		unit = (unit != null) ? unit : MoneyUnit.YUAN;
		currency = (currency != null) ? currency : "CNY";
	}

	public BigDecimal yuan() {
		return this.unit.toYuan(this.amount);
	}

}
