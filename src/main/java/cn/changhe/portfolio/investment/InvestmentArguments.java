package cn.changhe.portfolio.investment;

import cn.changhe.portfolio.graphql.ConnectionArguments;
import cn.changhe.portfolio.graphql.PageRequest;

/**
 * The arguments of a field that lists ledger rows.
 */
record InvestmentArguments(InvestmentFilter filter, InvestmentOrder orderBy, Integer first, String after,
		Integer last, String before) implements ConnectionArguments<InvestmentFilter> {

	public InvestmentFilter filterOrNone() {
		return (this.filter != null) ? this.filter : InvestmentFilter.NONE;
	}

	public PageRequest page() {
		InvestmentOrder order = (this.orderBy != null) ? this.orderBy : new InvestmentOrder(null, null);
		return page(order.sortKey("i.id"), order.direction());
	}

}
