package cn.changhe.portfolio.fund;

import cn.changhe.portfolio.graphql.ConnectionArguments;
import cn.changhe.portfolio.graphql.PageRequest;

/**
 * The arguments of a field that lists funds.
 */
record FundArguments(FundFilter filter, FundOrder orderBy, Integer first, String after, Integer last, String before)
		implements ConnectionArguments<FundFilter> {

	public FundFilter filterOrNone() {
		return (this.filter != null) ? this.filter : FundFilter.NONE;
	}

	public PageRequest page() {
		FundOrder order = (this.orderBy != null) ? this.orderBy : new FundOrder(null, null);
		return page(order.sortKey("f.id"), order.direction());
	}

}
