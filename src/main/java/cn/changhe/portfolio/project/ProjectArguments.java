package cn.changhe.portfolio.project;

import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Paging;

/**
 * The arguments of a field that lists projects.
 */
record ProjectArguments(ProjectFilter filter, ProjectOrder orderBy, Integer first, String after, Integer last,
		String before) implements Paging {

	ProjectFilter filterOrNone() {
		return (this.filter != null) ? this.filter : ProjectFilter.NONE;
	}

	PageRequest page() {
		ProjectOrder order = (this.orderBy != null) ? this.orderBy : new ProjectOrder(null, null, null);
		return page(order.sortKey(ProjectRepository.LISTING.id()), order.direction());
	}

}
