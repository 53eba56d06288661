package cn.changhe.portfolio.analytics;

import java.util.List;

import cn.changhe.portfolio.graphql.MoneyInput;
import cn.changhe.portfolio.graphql.OrderDirection;
import cn.changhe.portfolio.investment.InvestmentKind;
import cn.changhe.portfolio.project.ProjectStage;

/**
 * What a client asks of the investment summary.
 */
record InvestmentSummaryQuery(List<InvestmentDimension> groupBy, Filter filter, Having having, List<Order> orderBy,
		Integer first) {

	static final int DEFAULT_GROUPS = 1_000;

	static final int MAX_GROUPS = 10_000;

	record Filter(List<InvestmentKind> kind, Integer yearFrom, Integer yearTo, List<String> sectorIds, Boolean leading,
			Boolean emerging, List<String> fundIds, List<String> enterpriseIds, List<ProjectStage> projectStage,
			String currency) {
	}

	record Having(Integer minCount, MoneyInput minTotal, MoneyInput maxTotal) {
	}

	record Order(OrderField by, OrderDirection direction) {
	}

	enum OrderField {

		COUNT, TOTAL, AVERAGE, MIN, MAX, SECTOR, YEAR, KIND, FUND, ENTERPRISE, PROJECT_STAGE, CURRENCY

	}

}
