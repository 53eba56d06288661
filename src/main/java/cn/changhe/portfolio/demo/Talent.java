package cn.changhe.portfolio.demo;

import static cn.changhe.portfolio.demo.Provenance.ILLUSTRATIVE;
import static cn.changhe.portfolio.demo.Provenance.REPORTED;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.changhe.portfolio.demo.Enterprises.EnterpriseSeed;
import cn.changhe.portfolio.demo.Projects.PlacedProject;

/**
 * The talent programmes the report names and their awards: in 2024, 2 national entrepreneurs, 11 high-level
 * talent projects, 2 South Taihu Elite projects and 67 youth entrepreneurship projects; fewer in 2023.
 */
final class Talent {

	private static final List<ProgrammeSeed> PROGRAMMES = List.of(
			new ProgrammeSeed("NATIONAL_ENTREPRENEUR", "国家级高层次创业人才", "National high-level entrepreneurial talent",
					"NATIONAL", "创业人才"),
			new ProgrammeSeed("HIGH_LEVEL_TALENT_PROJECT", "高层次人才项目", "High-level talent projects", "ZONE",
					"高层次人才项目"),
			new ProgrammeSeed("SOUTH_TAIHU_ELITE", "南太湖精英计划", "South Taihu Elite Programme", "MUNICIPAL",
					"南太湖精英计划项目"),
			new ProgrammeSeed("YOUTH_ENTREPRENEURSHIP", "青创项目", "Youth entrepreneurship projects", "ZONE", "青创项目"));

	/**
	 * How many awards a programme made in a year, to which enterprises (every {@code step}-th candidate from
	 * {@code first}), and the grant range in 万元.
	 */
	private record Round(String programme, int year, int count, int first, int step, int minGrantWan,
			int maxGrantWan) {
	}

	private static final List<Round> ROUNDS = List.of(new Round("NATIONAL_ENTREPRENEUR", 2023, 1, 90, 1, 100, 100),
			new Round("NATIONAL_ENTREPRENEUR", 2024, 2, 5, 42, 100, 100),
			new Round("HIGH_LEVEL_TALENT_PROJECT", 2023, 9, 1, 13, 50, 300),
			new Round("HIGH_LEVEL_TALENT_PROJECT", 2024, 11, 2, 11, 50, 300),
			new Round("SOUTH_TAIHU_ELITE", 2023, 3, 9, 17, 100, 200),
			new Round("SOUTH_TAIHU_ELITE", 2024, 2, 7, 29, 100, 200),
			new Round("YOUTH_ENTREPRENEURSHIP", 2023, 54, 80, 1, 10, 50),
			new Round("YOUTH_ENTREPRENEURSHIP", 2024, 67, 0, 1, 10, 50));

	// The entrepreneurs the national programme recognised (illustrative names), in award order.
	private static final List<String> ENTREPRENEURS = List.of("周子航", "陈思远", "林书航");

	// What each sector's talents work on, for the titles of their awards.
	private static final Map<Sector, String> FIELDS = new EnumMap<>(Map.ofEntries(Map.entry(Sector.NEV, "新能源汽车电驱控制"),
			Map.entry(Sector.ROBOTICS_CNC, "仿生机器人运动控制"), Map.entry(Sector.NEW_MATERIALS, "高性能复合材料"),
			Map.entry(Sector.NEW_ENERGY, "储能系统集成"), Map.entry(Sector.ELECTRONIC_INFORMATION, "车规级芯片封测"),
			Map.entry(Sector.HIGH_END_EQUIPMENT, "精密传动部件"), Map.entry(Sector.BIOMEDICINE, "体外诊断"),
			Map.entry(Sector.ENERGY_SAVING_ENVIRONMENTAL, "工业固废资源化"), Map.entry(Sector.GREEN_RETROFIT, "工厂能效优化"),
			Map.entry(Sector.TRADITIONAL, "功能性面料"), Map.entry(Sector.SERVICES, "工业互联网服务")));

	private Talent() {
	}

	static void write(Connection connection, Enterprises enterprises, Projects projects) throws SQLException {
		Map<String, Long> programmeIds = new HashMap<>();
		try (Insert insert = Insert.into(connection, "talent_programme", "code", "name", "name_en", "level")) {
			for (ProgrammeSeed programme : PROGRAMMES) {
				programmeIds.put(programme.code(), insert.returningId(REPORTED, programme.code(), programme.name(),
						programme.nameEn(), programme.level()));
			}
		}
		// A talent project goes with its enterprise's first project, where there is one; youth projects are their own.
		Map<String, Long> firstProjects = new HashMap<>();
		for (PlacedProject project : projects.all()) {
			firstProjects.putIfAbsent(project.enterprise(), project.id());
		}
		List<EnterpriseSeed> emerging = Arrays.stream(Sector.values())
			.filter((sector) -> sector.emerging)
			.flatMap((sector) -> enterprises.illustrative(sector).stream())
			.toList();
		List<EnterpriseSeed> everyone = Arrays.stream(Sector.values())
			.flatMap((sector) -> enterprises.illustrative(sector).stream())
			.toList();
		Random random = new Random(V1__Zone2024.SEED);
		int entrepreneur = 0;
		try (Insert insert = Insert.into(connection, "talent_award", "programme_id", "award_year", "title",
				"person_name", "enterprise_id", "project_id", "grant_amount", "grant_currency")) {
			for (Round round : ROUNDS) {
				ProgrammeSeed programme = PROGRAMMES.stream()
					.filter((candidate) -> candidate.code().equals(round.programme()))
					.findFirst()
					.orElseThrow();
				boolean forPeople = round.programme().equals("NATIONAL_ENTREPRENEUR");
				List<EnterpriseSeed> candidates = round.programme().equals("YOUTH_ENTREPRENEURSHIP") ? everyone
						: emerging;
				for (int i = 0; i < round.count(); i++) {
					EnterpriseSeed enterprise = candidates.get((round.first() + i * round.step()) % candidates.size());
					String field = FIELDS.get(enterprise.sector());
					String person = forPeople ? ENTREPRENEURS.get(entrepreneur++) : null;
					String title = forPeople ? field + "领域" + programme.titleSuffix()
							: enterprise.brand() + field + programme.titleSuffix();
					Long projectId = round.programme().equals("YOUTH_ENTREPRENEURSHIP") || forPeople ? null
							: firstProjects.get(enterprise.name());
					int grantWan = round.minGrantWan()
							+ random.nextInt(round.maxGrantWan() - round.minGrantWan() + 1);
					insert.add(ILLUSTRATIVE, programmeIds.get(round.programme()), round.year(), title, person,
							enterprises.id(enterprise.name()), projectId,
							BigDecimal.valueOf(grantWan).multiply(Amounts.WAN).setScale(2), "CNY");
				}
			}
		}
	}

	private record ProgrammeSeed(String code, String name, String nameEn, String level, String titleSuffix) {
	}

}
