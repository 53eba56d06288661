package cn.changhe.portfolio.analytics;

import java.math.BigDecimal;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * One of the zone's indicators for a year, as reported.
 */
public record Indicator(long id, String code, String name, String nameEn, int year, BigDecimal value, String unit,
		BigDecimal yoyChangePct, String qualifier, Provenance provenance) implements Identified {
}
