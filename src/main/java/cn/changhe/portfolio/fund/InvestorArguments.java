package cn.changhe.portfolio.fund;

import cn.changhe.portfolio.graphql.ConnectionArguments;
import cn.changhe.portfolio.graphql.PageRequest;

/**
 * The arguments of a field that lists investors.
 */
record InvestorArguments(InvestorFilter filter, InvestorOrder orderBy, Integer first, String after, Integer last,
		String before) implements ConnectionArguments<InvestorFilter> {

	public InvestorFilter filterOrNone() {
		return (this.filter != null) ? this.filter : InvestorFilter.NONE;
	}

	public PageRequest page() {
		InvestorOrder order = (this.orderBy != null) ? this.orderBy : new InvestorOrder(null, null);
		return page(order.sortKey("v.id"), order.direction());
	}

}
