package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The 五未 list in a year: projects listed at any time in it, cleared during it, and the rate.
 */
record StallSummary(int year, int listed, int cleared, List<Category> byCategory) {

	public BigDecimal clearanceRate() {
		return rate(this.cleared, this.listed);
	}

	static BigDecimal rate(int cleared, int listed) {
		return (listed == 0) ? null
				: BigDecimal.valueOf(cleared).divide(BigDecimal.valueOf(listed), 4, RoundingMode.HALF_EVEN);
	}

	record Category(String category, int listed, int cleared) {

		public BigDecimal clearanceRate() {
			return rate(this.cleared, this.listed);
		}

	}

}
