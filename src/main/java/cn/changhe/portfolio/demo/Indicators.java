package cn.changhe.portfolio.demo;

import static cn.changhe.portfolio.demo.Provenance.ILLUSTRATIVE;
import static cn.changhe.portfolio.demo.Provenance.REPORTED;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The zone's indicators for 2024 and its targets for 2025, as the report gives them, in the report's units.
 */
final class Indicators {

	private static final List<Indicator> INDICATORS = List.of(
			new Indicator("INDUSTRIAL_OUTPUT", 2024, "规上工业产值", "Industrial output above designated size", "476", "亿元",
					"28.6", "ESTIMATED", REPORTED),
			new Indicator("INDUSTRIAL_VALUE_ADDED", 2024, "规上工业增加值", "Industrial value added above designated size",
					null, "亿元", "18", null, REPORTED),
			new Indicator("FIXED_ASSET_INVESTMENT", 2024, "固定资产投资", "Fixed-asset investment", "43.1", "亿元", "25", null,
					REPORTED),
			new Indicator("MANUFACTURING_INVESTMENT", 2024, "制造业投资", "Manufacturing investment", "33.6", "亿元", "20",
					null, REPORTED),
			new Indicator("FDI_UTILIZED", 2024, "实际利用外资", "Foreign direct investment actually utilised", "1", "亿美元",
					null, null, REPORTED),
			new Indicator("TECH_RETROFIT_INVESTMENT", 2024, "技改投资", "Technical retrofit investment", "13", "亿元", "69",
					null, REPORTED),
			new Indicator("RD_EXPENDITURE", 2024, "规上企业研发费用", "R&D expenditure of enterprises above designated size",
					"8.9", "亿元", "15.7", null, REPORTED),
			new Indicator("HIGH_TECH_ENTERPRISES_NEW", 2024, "培育国家高新技术企业", "New national high-tech enterprises", "14",
					"家", null, null, REPORTED),
			new Indicator("TECH_SMES_NEW", 2024, "国家科技型中小企业", "National technology-based SMEs", "112", "家", null, null,
					REPORTED),
			new Indicator("LOW_EFFICIENCY_ENTERPRISES_ACQUIRED", 2024, "收储低效企业",
					"Low-efficiency enterprises acquired", "12", "家", null, null, REPORTED),
			new Indicator("LAND_FREED", 2024, "腾出低效用地", "Low-efficiency land freed", "422", "亩", null, null, REPORTED),
			new Indicator("INDUSTRY_FUND_SIZE", 2024, "产业基金总规模", "Total size of the industry funds", "160", "亿元", null,
					"MORE_THAN", REPORTED),
			new Indicator("LEADING_INDUSTRY_OUTPUT_SHARE_CHANGE", 2024, "两大主导产业产值占比提升",
					"Rise in the two leading industries' share of output", "3", "百分点", null, null, REPORTED),
			new Indicator("RELOAN_DEMAND", 2024, "技术改造和设备更新专项再贷款（5个项目通过国审）贷款总需求",
					"Loan demand of the technical retrofit and equipment renewal re-loan (5 projects approved)", "5", "亿元",
					null, null, REPORTED),
			// Not in the report: derived from 43.1亿 and its growth of 25%.
			new Indicator("FIXED_ASSET_INVESTMENT", 2023, "固定资产投资", "Fixed-asset investment", "34.48", "亿元", null,
					null, ILLUSTRATIVE));

	private static final List<Target> TARGETS = List.of(
			new Target("PROJECTS_REGISTERED_3YI", "备案3亿元以上项目", "Projects of 3亿 yuan or more registered", "18", "个",
					"AT_LEAST"),
			new Target("PROJECTS_REGISTERED_10YI", "备案10亿元以上项目", "Of which 10亿 yuan or more", "6", "个", null),
			new Target("PROJECTS_REGISTERED_50YI", "备案50亿元以上项目", "Of which 50亿 yuan or more", "1", "个", null),
			new Target("EMERGING_INDUSTRY_PROJECT_SHARE", "八大新兴产业项目占比",
					"Share of projects in the eight emerging industries", "80", "%", "AT_LEAST"),
			new Target("LEADING_INDUSTRY_PROJECT_SHARE", "园区两大主导产业项目占比",
					"Share of projects in the zone's two leading industries", "60", "%", "AT_LEAST"),
			new Target("PROJECTS_STARTED_3YI", "开工3亿元以上项目", "Projects of 3亿 yuan or more started", "15", "个", null),
			new Target("PROJECTS_STARTED_10YI", "开工10亿元以上项目", "Of which 10亿 yuan or more", "5", "个", null),
			new Target("PROJECTS_COMPLETED_3YI", "竣工3亿元以上项目", "Projects of 3亿 yuan or more completed", "10", "个", null),
			new Target("PROJECTS_ABOVE_SIZE", "投产上规项目", "Projects in production reaching designated size", "8", "个",
					null),
			new Target("STALLED_CLEARED", "销号\"五未\"项目", "Stalled (五未) projects cleared", "45", "个", null),
			new Target("LEADING_INDUSTRY_OUTPUT_SHARE_CHANGE", "两大主导产业产值比重提升",
					"Rise in the two leading industries' share of output", "3", "百分点", "AT_LEAST"));

	private Indicators() {
	}

	static void write(Connection connection) throws SQLException {
		try (Insert insert = Insert.into(connection, "zone_indicator", "code", "year", "name", "name_en", "value",
				"unit", "yoy_change_pct", "qualifier")) {
			for (Indicator indicator : INDICATORS) {
				insert.add(indicator.provenance(), indicator.code(), indicator.year(), indicator.name(),
						indicator.nameEn(), decimal(indicator.value()), indicator.unit(),
						decimal(indicator.yoyChangePct()), indicator.qualifier());
			}
		}
		try (Insert insert = Insert.into(connection, "zone_target", "code", "year", "name", "name_en", "target", "unit",
				"qualifier")) {
			for (Target target : TARGETS) {
				insert.add(REPORTED, target.code(), 2025, target.name(), target.nameEn(), new BigDecimal(target.target()),
						target.unit(), target.qualifier());
			}
		}
	}

	private static BigDecimal decimal(String value) {
		return (value != null) ? new BigDecimal(value) : null;
	}

	private record Indicator(String code, int year, String name, String nameEn, String value, String unit,
			String yoyChangePct, String qualifier, Provenance provenance) {
	}

	private record Target(String code, String name, String nameEn, String target, String unit, String qualifier) {
	}

}
