package cn.changhe.portfolio.fund;

import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Paging;

/**
 * The arguments of a field that lists funds.
 */
record FundArguments(FundFilter filter, FundOrder orderBy, Integer first, String after, Integer last, String before)
		implements Paging {

	FundFilter filterOrNone() {
		return (this.filter != null) ? this.filter : FundFilter.NONE;
	}

	PageRequest page() {
		FundOrder order = (this.orderBy != null) ? this.orderBy : new FundOrder(null, null);
		return page(order.sortKey("f.id"), order.direction());
	}

}
