package cn.changhe.portfolio.analytics;

import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.investment.InvestmentKind;
import cn.changhe.portfolio.project.ProjectStage;
import cn.changhe.portfolio.sector.Sector;

/**
 * One group of the investment summary: its keys (null for dimensions not asked for), its currency
 * and its measures; and its sector itself, where the question asked for it.
 */
record InvestmentGroup(Long sectorId, Integer year, InvestmentKind kind, Long fundId, Long enterpriseId,
		ProjectStage projectStage, String currency, long count, Money total, Money average, Money min, Money max,
		Sector sector) {

	InvestmentGroup withSector(Sector sector) {
		return new InvestmentGroup(this.sectorId, this.year, this.kind, this.fundId, this.enterpriseId, this.projectStage,
				this.currency, this.count, this.total, this.average, this.min, this.max, sector);
	}

}
