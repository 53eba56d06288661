package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.investment.InvestmentKind;
import cn.changhe.portfolio.project.ProjectStage;
import cn.changhe.portfolio.sector.Sector;

/**
 * One group of the investment summary: its keys (null for dimensions not asked for), its currency
 * and its measures (the smallest and largest amounts null where not selected, and then never read);
 * and its sector itself, where the question asked for it. The count is an {@code int}, as the
 * schema's {@code Int} is.
 */
record InvestmentGroup(Long sectorId, Integer year, InvestmentKind kind, Long fundId, Long enterpriseId,
		ProjectStage projectStage, String currency, int count, Money total, Money min, Money max, Sector sector) {

	InvestmentGroup withSector(Sector sector) {
		return new InvestmentGroup(this.sectorId, this.year, this.kind, this.fundId, this.enterpriseId, this.projectStage,
				this.currency, this.count, this.total, this.min, this.max, sector);
	}

	/** The mean amount, to the fen (banker's rounding); worked out only where it is asked for. */
	public Money average() {
		return new Money(this.total.yuan().divide(BigDecimal.valueOf(this.count), 2, RoundingMode.HALF_EVEN),
				this.currency);
	}

}
