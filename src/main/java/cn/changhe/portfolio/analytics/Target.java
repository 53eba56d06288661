package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * A target of the zone for a year, with its actual computed from the records where they can tell.
 */
record Target(long id, String code, String name, String nameEn, int year, BigDecimal target, String unit,
		String qualifier, BigDecimal actual, String method, Provenance provenance) implements Identified {

	/** actual / target, to four places. */
	public BigDecimal progress() {
		return (this.actual == null || this.target.signum() == 0) ? null
				: this.actual.divide(this.target, 4, RoundingMode.HALF_EVEN);
	}

}
