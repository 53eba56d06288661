package cn.changhe.portfolio.analytics;

import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.investment.InvestmentKind;
import cn.changhe.portfolio.project.ProjectStage;

/**
 * One group of the investment summary: its keys (null for dimensions not asked for), its currency
 * and its measures.
 */
record InvestmentGroup(Long sectorId, Integer year, InvestmentKind kind, Long fundId, Long enterpriseId,
		ProjectStage projectStage, String currency, long count, Money total, Money average, Money min, Money max) {
}
