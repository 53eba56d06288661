package cn.changhe.portfolio.project;

import cn.changhe.portfolio.graphql.ConnectionArguments;
import cn.changhe.portfolio.graphql.PageRequest;

/**
 * The arguments of a field that lists projects.
 */
record ProjectArguments(ProjectFilter filter, ProjectOrder orderBy, Integer first, String after, Integer last,
		String before) implements ConnectionArguments<ProjectFilter> {

	public ProjectFilter filterOrNone() {
		return (this.filter != null) ? this.filter : ProjectFilter.NONE;
	}

	public PageRequest page() {
		ProjectOrder order = (this.orderBy != null) ? this.orderBy : new ProjectOrder(null, null, null);
		return page(order.sortKey(ProjectRepository.LISTING.id()), order.direction());
	}

}
