package cn.changhe.portfolio.talent;

import cn.changhe.portfolio.graphql.ConnectionArguments;
import cn.changhe.portfolio.graphql.PageRequest;

/**
 * The arguments of a field that lists talent awards; {@code year} is a shorthand for a one-year
 * filter.
 */
record TalentAwardArguments(Integer year, TalentAwardFilter filter, TalentAwardOrder orderBy, Integer first,
		String after, Integer last, String before) implements ConnectionArguments<TalentAwardFilter> {

	public TalentAwardFilter filterOrNone() {
		return ((this.filter != null) ? this.filter : TalentAwardFilter.NONE).inYear(this.year);
	}

	public PageRequest page() {
		TalentAwardOrder order = (this.orderBy != null) ? this.orderBy : new TalentAwardOrder(null, null);
		return page(order.sortKey("a.id"), order.direction());
	}

}
