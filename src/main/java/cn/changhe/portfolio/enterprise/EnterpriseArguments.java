package cn.changhe.portfolio.enterprise;

import cn.changhe.portfolio.graphql.ConnectionArguments;
import cn.changhe.portfolio.graphql.PageRequest;

/**
 * The arguments of a field that lists enterprises.
 */
record EnterpriseArguments(EnterpriseFilter filter, EnterpriseOrder orderBy, Integer first, String after,
		Integer last, String before) implements ConnectionArguments<EnterpriseFilter> {

	public EnterpriseFilter filterOrNone() {
		return (this.filter != null) ? this.filter : EnterpriseFilter.NONE;
	}

	public PageRequest page() {
		EnterpriseOrder order = (this.orderBy != null) ? this.orderBy : new EnterpriseOrder(null, null);
		return page(order.sortKey("e.id"), order.direction());
	}

}
