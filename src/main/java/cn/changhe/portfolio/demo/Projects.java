package cn.changhe.portfolio.demo;

import static cn.changhe.portfolio.demo.Amounts.yi;
import static cn.changhe.portfolio.demo.Enterprises.AOSHI;
import static cn.changhe.portfolio.demo.Enterprises.BULEIDE;
import static cn.changhe.portfolio.demo.Enterprises.GENESIS;
import static cn.changhe.portfolio.demo.Enterprises.HANGMO;
import static cn.changhe.portfolio.demo.Enterprises.HANGZHOU;
import static cn.changhe.portfolio.demo.Enterprises.HUFAN;
import static cn.changhe.portfolio.demo.Enterprises.JIULONG;
import static cn.changhe.portfolio.demo.Enterprises.QIDIE;
import static cn.changhe.portfolio.demo.Enterprises.XINSHENG;
import static cn.changhe.portfolio.demo.Enterprises.ZHENZHENG;
import static cn.changhe.portfolio.demo.Provenance.ILLUSTRATIVE;
import static cn.changhe.portfolio.demo.Provenance.REPORTED;
import static cn.changhe.portfolio.demo.Sector.BIOMEDICINE;
import static cn.changhe.portfolio.demo.Sector.ELECTRONIC_INFORMATION;
import static cn.changhe.portfolio.demo.Sector.ENERGY_SAVING_ENVIRONMENTAL;
import static cn.changhe.portfolio.demo.Sector.GREEN_RETROFIT;
import static cn.changhe.portfolio.demo.Sector.HIGH_END_EQUIPMENT;
import static cn.changhe.portfolio.demo.Sector.NEV;
import static cn.changhe.portfolio.demo.Sector.NEW_ENERGY;
import static cn.changhe.portfolio.demo.Sector.NEW_MATERIALS;
import static cn.changhe.portfolio.demo.Sector.ROBOTICS_CNC;
import static cn.changhe.portfolio.demo.Sector.SERVICES;
import static cn.changhe.portfolio.demo.Sector.TRADITIONAL;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.changhe.portfolio.demo.Enterprises.EnterpriseSeed;
import cn.changhe.portfolio.demo.ProjectPlan.StallPlan;

/**
 * The projects, their milestones and their spells on the 五未 list.
 *
 * <p>The catalog holds every project of 3亿元 or more and every project of a named enterprise, dated so
 * that the 2024 counts come out as the report gives them; 80 smaller projects are generated around them.
 */
final class Projects {

	private static final int SMALL_PROJECTS = 80;

	private static final BigDecimal TEN_WAN = new BigDecimal("100000");

	// Of the small projects: the first 37 were listed and cleared in 2024, the next 13 were still listed at its end.
	private static final int CLEARED_IN_2024 = 37;

	private static final int OPEN_AT_END_OF_2024 = 13;

	// The first two of those still listed were cleared in January or February 2025.
	private static final int CLEARED_IN_2025 = 2;

	private static final List<Sector> SMALL_PROJECT_SECTORS = List.of(NEV, ROBOTICS_CNC, NEV, NEW_MATERIALS,
			ROBOTICS_CNC, ELECTRONIC_INFORMATION, HIGH_END_EQUIPMENT, NEV, TRADITIONAL, NEW_ENERGY, ROBOTICS_CNC,
			BIOMEDICINE, ENERGY_SAVING_ENVIRONMENTAL, HIGH_END_EQUIPMENT, SERVICES, GREEN_RETROFIT);

	private static final Map<Sector, String[][]> PRODUCTS = new EnumMap<>(Map.ofEntries(
			Map.entry(NEV, new String[][] { { "汽车线束", "automotive wiring harnesses" },
					{ "电池包壳体", "battery pack housings" }, { "车用连接器", "automotive connectors" },
					{ "汽车轻量化铝件", "lightweight aluminium auto parts" }, { "充电桩", "charging piles" },
					{ "车灯模组", "automotive lamp modules" } }),
			Map.entry(ROBOTICS_CNC, new String[][] { { "数控刀具", "CNC tooling" },
					{ "机器人末端执行器", "robot end effectors" }, { "精密滚珠丝杠", "precision ball screws" },
					{ "机床钣金", "machine-tool sheet metal" }, { "视觉检测设备", "machine-vision inspection equipment" } }),
			Map.entry(NEW_MATERIALS, new String[][] { { "高分子改性材料", "modified polymers" },
					{ "特种涂料", "specialty coatings" }, { "高性能胶粘剂", "high-performance adhesives" },
					{ "金属粉末", "metal powders" } }),
			Map.entry(NEW_ENERGY, new String[][] { { "储能变流器", "energy-storage converters" },
					{ "光伏支架", "PV mounting systems" }, { "分布式光伏电站", "distributed PV plants" } }),
			Map.entry(ELECTRONIC_INFORMATION, new String[][] { { "工业物联网模组", "industrial IoT modules" },
					{ "印制电路板组件", "PCB assemblies" }, { "车载传感器", "vehicle sensors" } }),
			Map.entry(HIGH_END_EQUIPMENT, new String[][] { { "精密轴承", "precision bearings" },
					{ "液压阀", "hydraulic valves" }, { "智能仓储设备", "smart warehousing equipment" } }),
			Map.entry(BIOMEDICINE, new String[][] { { "体外诊断试剂", "in-vitro diagnostic reagents" },
					{ "医用耗材", "medical consumables" } }),
			Map.entry(ENERGY_SAVING_ENVIRONMENTAL, new String[][] { { "固废资源化", "solid waste recycling" },
					{ "工业废气治理设备", "industrial exhaust treatment equipment" } }),
			Map.entry(GREEN_RETROFIT, new String[][] { { "节能技改", "energy-saving retrofit" },
					{ "数字化绿色工厂改造", "digital green factory retrofit" } }),
			Map.entry(TRADITIONAL, new String[][] { { "绿色家居", "green home furnishings" },
					{ "纺织面料", "textile fabrics" }, { "智能木门", "smart wooden doors" } }),
			Map.entry(SERVICES, new String[][] { { "标准厂房", "standard factories" },
					{ "仓储物流中心", "warehousing and logistics centre" },
					{ "检验检测平台", "testing and inspection platform" } })));

	private final List<PlacedProject> placed;

	private Projects(List<PlacedProject> placed) {
		this.placed = placed;
	}

	/** Every project of the dataset, the catalog first. */
	List<PlacedProject> all() {
		return this.placed;
	}

	PlacedProject named(String name) {
		return this.placed.stream()
			.filter((project) -> project.plan().name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No project called " + name));
	}

	/** The year each enterprise's first project reached above designated size. */
	Map<String, Integer> aboveSizeYears() {
		Map<String, Integer> years = new LinkedHashMap<>();
		for (PlacedProject project : this.placed) {
			LocalDate aboveSize = project.plan().reached(ProjectPlan.IN_PRODUCTION + 1);
			if (aboveSize != null) {
				years.merge(project.enterprise(), aboveSize.getYear(), Math::min);
			}
		}
		return years;
	}

	/** Writes every project with its milestones and stalls. */
	static Projects write(Connection connection, Map<Sector, Long> sectorIds, Enterprises enterprises)
			throws SQLException {
		Owners owners = new Owners(enterprises);
		List<ProjectPlan> plans = new ArrayList<>();
		for (ProjectPlan plan : catalog()) {
			plans.add((plan.owner() != null) ? plan : plan.ownedBy(owners.next(plan.sector())));
		}
		plans.addAll(smallProjects(new Random(V1__Zone2024.SEED), owners, enterprises));
		check(plans);

		List<PlacedProject> placed = new ArrayList<>();
		try (Insert projects = Insert.into(connection, "project", "name", "name_en", "enterprise_id", "sector_id",
				"total_investment", "foreign_investment", "foreign_investment_currency", "land_area_mu",
				"provincial_major", "reclaimed_land", "stage")) {
			for (ProjectPlan plan : plans) {
				long enterpriseId = enterprises.id(plan.owner());
				long sectorId = sectorIds.get(plan.sector());
				long id = projects.returningId(ILLUSTRATIVE, plan.name(), plan.nameEn(), enterpriseId, sectorId,
						plan.totalInvestment(), plan.foreignInvestmentUsd(),
						(plan.foreignInvestmentUsd() != null) ? "USD" : null, plan.landAreaMu(), plan.provincialMajor(),
						plan.reclaimedLand(), plan.stage());
				placed.add(new PlacedProject(id, enterpriseId, sectorId, plan.owner(), plan));
			}
		}
		try (Insert milestones = Insert.into(connection, "project_milestone", "project_id", "stage", "reached_on");
				Insert stalls = Insert.into(connection, "project_stall", "project_id", "category", "listed_on",
						"cleared_on")) {
			for (PlacedProject project : placed) {
				ProjectPlan plan = project.plan();
				for (int stage = 0; stage < plan.milestones().size(); stage++) {
					String name = ProjectPlan.STAGES.get(stage);
					milestones.add(name.equals(plan.reportedStage()) ? REPORTED : ILLUSTRATIVE, project.id(), name,
							plan.milestones().get(stage));
				}
				for (StallPlan stall : plan.stalls()) {
					int stage = plan.stageOn(stall.listedOn());
					LocalDate clearedOn = (stall.clearedOn() != null) ? stall.clearedOn() : plan.reached(stage + 1);
					stalls.add(stall.provenance(), project.id(), ProjectPlan.STALL_CATEGORIES.get(stage),
							stall.listedOn(), clearedOn);
				}
			}
		}
		return new Projects(placed);
	}

	// Guards the catalog against slips: dates in order and in range, sizes below 3亿 for generated projects,
	// stall categories that fit the stage, and no two stalls open at once.
	private static void check(List<ProjectPlan> plans) {
		Set<String> names = new HashSet<>();
		for (ProjectPlan plan : plans) {
			if (!names.add(plan.name())) {
				throw new IllegalStateException("Two projects are called " + plan.name());
			}
			if (plan.milestones().isEmpty() || plan.milestones().size() > ProjectPlan.STAGES.size()) {
				throw new IllegalStateException(plan.name() + " has " + plan.milestones().size() + " milestones");
			}
			for (int i = 1; i < plan.milestones().size(); i++) {
				if (plan.milestones().get(i).isBefore(plan.milestones().get(i - 1))) {
					throw new IllegalStateException(plan.name() + " reaches a stage before the one before it");
				}
			}
			if (plan.milestones().get(plan.milestones().size() - 1).isAfter(ProjectPlan.LAST_DAY)) {
				throw new IllegalStateException(plan.name() + " has a milestone after " + ProjectPlan.LAST_DAY);
			}
			LocalDate openUntil = LocalDate.MIN;
			for (StallPlan stall : plan.stalls()) {
				int stage = plan.stageOn(stall.listedOn());
				if (stage < 0 || stage > ProjectPlan.IN_PRODUCTION) {
					throw new IllegalStateException(plan.name() + " cannot be stalled on " + stall.listedOn());
				}
				if (stall.clearedOn() != null && stage != ProjectPlan.IN_PRODUCTION) {
					throw new IllegalStateException(plan.name() + " is cleared by reaching its next stage");
				}
				if (!stall.listedOn().isAfter(openUntil)) {
					throw new IllegalStateException(plan.name() + " is listed twice at once");
				}
				LocalDate clearedOn = (stall.clearedOn() != null) ? stall.clearedOn() : plan.reached(stage + 1);
				openUntil = (clearedOn != null) ? clearedOn : LocalDate.MAX;
			}
		}
	}

	/**
	 * The projects of 3亿元 or more, those of the named enterprises, and the few that the ledger needs.
	 * Milestones run SIGNED, REGISTERED, STARTED, COMPLETED, IN_PRODUCTION, ABOVE_SIZE.
	 */
	private static List<ProjectPlan> catalog() {
		return List.of(
				// Registered in 2024 at 3亿 or more: 18, of which 6 at 10亿 or more; 16 emerging, 11 leading.
				plan("沪帆汽配新能源汽车轻量化底盘部件项目", "Hufan lightweight NEV chassis components project", HUFAN, NEV, "15")
					.land("180").onProvincialList().on("2023-12-08", "2024-01-19", "2024-04-26"),
				plan("九龙机械新能源汽车电驱壳体及精密件项目", "Jiulong e-drive housings and precision parts project", JIULONG, NEV,
						"6.8")
					.land("95").onReclaimedLand().on("2024-02-02", "2024-03-15", "2024-07-09"),
				plan("鑫盛永磁高性能钕铁硼永磁材料扩产项目", "Xinsheng high-performance NdFeB magnets expansion project", XINSHENG,
						NEV, "12")
					.land("150").on("2024-03-06", "2024-04-22"),
				plan("新能源汽车热管理系统项目", "NEV thermal management systems project", null, NEV, "9.98").land("110")
					.foreign("60000000").on("2024-01-10", "2024-02-28", "2024-09-18")
					.foreignDirect("2024-10-15", "45000000"),
				plan("动力电池结构件项目", "Power battery structural parts project", null, NEV, "4.6").land("70")
					.on("2024-05-10", "2024-06-20"),
				plan("奇碟新能源汽车传动系统零部件项目", "Qidie NEV transmission components project", QIDIE, NEV, "3.8").land("60")
					.on("2024-06-03", "2024-07-26"),
				plan("创世纪数控高端数控机床华东制造基地项目", "Genesis CNC East China high-end machine tool base project", GENESIS,
						ROBOTICS_CNC, "20")
					.land("260").onProvincialList().on("2024-01-15", "2024-03-01", "2024-05-28"),
				plan("桢正运动精密运动控制及机器人关节模组项目", "Zhenzheng precision motion control and robot joint modules project",
						ZHENZHENG, ROBOTICS_CNC, "10.5")
					.land("120").onProvincialList().on("2024-04-12", "2024-05-30", "2024-10-15"),
				plan("仿生四足机器人研发制造项目", "Bionic quadruped robots R&D and manufacturing project", null, ROBOTICS_CNC,
						"5.2")
					.land("65").foreign("40000000").on("2024-03-20", "2024-05-08")
					.foreignDirect("2024-07-10", "32500000"),
				plan("五轴联动数控机床项目", "Five-axis CNC machine tools project", null, ROBOTICS_CNC, "3.5").land("48")
					.on("2024-06-18", "2024-08-06"),
				plan("工业机器人精密减速器项目", "Industrial robot precision reducers project", null, ROBOTICS_CNC, "3.2")
					.land("40").on("2024-08-01", "2024-09-12"),
				plan("杭摩高性能摩擦材料及碳陶制动盘项目", "Hangmo high-performance friction materials and carbon-ceramic brake discs project",
						HANGMO, NEW_MATERIALS, "11")
					.land("140").on("2024-02-20", "2024-04-10"),
				plan("特种工程塑料项目", "Specialty engineering plastics project", null, NEW_MATERIALS, "3.6").land("52")
					.on("2024-07-05", "2024-08-30"),
				// 开局就开工: started on the first working Monday of 2025.
				plan("杭轴高端精密轴承智能制造项目", "Hangzhou high-end precision bearings smart manufacturing project", HANGZHOU,
						HIGH_END_EQUIPMENT, "10")
					.land("130").on("2024-09-26", "2024-11-18", "2025-01-06").reported("STARTED"),
				plan("车规级功率半导体模块项目", "Automotive-grade power semiconductor modules project", null,
						ELECTRONIC_INFORMATION, "7.2")
					.land("80").foreign("25000000").on("2024-02-26", "2024-04-03", "2024-08-12")
					.foreignDirect("2024-05-20", "22500000"),
				plan("光伏储能一体化项目", "Integrated photovoltaics and storage project", null, NEW_ENERGY, "4").land("55")
					.on("2024-05-16", "2024-07-02"),
				plan("纺织印染绿色低碳改造提升项目", "Textile dyeing green and low-carbon upgrade project", null, GREEN_RETROFIT,
						"3")
					.on("2024-04-01", "2024-05-20", "2024-06-28"),
				plan("长合区科创服务中心项目", "Changhe Zone science and innovation service centre project", null, SERVICES,
						"5.5")
					.land("45").on("2024-01-08", "2024-02-05", "2024-04-18"),
				// Just below the band: registered in 2024 at 2.999亿.
				plan("智能网联汽车测试装备项目", "Connected-vehicle test equipment project", null, NEV, "2.999").land("30")
					.on("2024-03-12", "2024-05-15"),

				// Registered in 2023 and started in 2024; with the eight above, 16 starts of 3亿 or more (5 of 10亿),
				// the 7 provincial major projects and the 4 on reclaimed land.
				plan("新能源汽车一体化压铸件项目", "NEV integrated die-casting project", null, NEV, "18").land("220")
					.onProvincialList().on("2023-05-12", "2023-07-20", "2024-03-18"),
				plan("数控机床核心功能部件产业园项目", "CNC machine tool core components industrial park project", null,
						ROBOTICS_CNC, "12.5")
					.land("200").onProvincialList().on("2023-08-09", "2023-10-16", "2024-02-27"),
				plan("新能源汽车线控底盘项目", "NEV by-wire chassis project", null, NEV, "6").land("85").onProvincialList()
					.on("2023-06-01", "2023-09-05", "2024-05-06").stall("2024-01-10"),
				plan("高端铝合金新材料项目", "High-end aluminium alloy materials project", null, NEW_MATERIALS, "5").land("75")
					.onProvincialList().onReclaimedLand().on("2023-03-15", "2023-06-12", "2024-04-09"),
				plan("智能物流装备项目", "Intelligent logistics equipment project", null, HIGH_END_EQUIPMENT, "4.2")
					.land("58").onReclaimedLand().on("2023-09-20", "2023-11-28", "2024-06-12"),
				plan("协作机器人整机项目", "Collaborative robots project", null, ROBOTICS_CNC, "3.4").land("42")
					.onReclaimedLand().on("2023-10-11", "2023-12-20", "2024-08-29"),
				plan("长合区现代物流园项目", "Changhe Zone modern logistics park project", null, SERVICES, "6.5").land("160")
					.on("2023-04-06", "2023-06-30", "2024-03-05"),
				plan("储能电池系统集成项目", "Energy storage battery systems integration project", null, NEW_ENERGY, "3.3")
					.land("46").on("2023-07-18", "2023-10-26", "2024-11-20").stall("2023-09-15").stall("2024-03-01"),

				// Completed in 2024 at 3亿 or more: 10.
				plan("新能源汽车驱动电机项目", "NEV traction motors project", null, NEV, "9").land("120").foreign("30000000")
					.on("2021-12-06", "2022-03-10", "2022-07-15", "2024-03-28", "2024-06-15")
					.foreignDirect("2022-09-15", "12000000").foreignDirect("2023-06-20", "8000000"),
				plan("精密数控刀塔项目", "Precision CNC turrets project", null, ROBOTICS_CNC, "3.9").land("50")
					.on("2022-05-09", "2022-08-01", "2022-11-20", "2024-05-30", "2024-08-26"),
				plan("奇碟汽车离合器智能工厂项目", "Qidie smart clutch factory project", QIDIE, NEV, "5.6").land("90")
					.on("2022-01-18", "2022-04-12", "2022-09-06", "2024-06-20", "2024-09-10"),
				plan("杭摩新能源汽车制动材料项目", "Hangmo NEV brake materials project", HANGMO, NEW_MATERIALS, "4.5").land("68")
					.on("2022-03-03", "2022-05-26", "2023-01-10", "2024-07-18", "2024-10-08"),
				plan("长合区智能制造产业园标准厂房（一期）项目", "Changhe Zone smart manufacturing park standard factories (phase I)",
						null, SERVICES, "8.6")
					.land("210").on("2022-06-15", "2022-09-02", "2023-02-20", "2024-10-30"),
				plan("智能传感器项目", "Smart sensors project", null, ELECTRONIC_INFORMATION, "3.6").land("40")
					.on("2022-07-08", "2022-10-19", "2023-03-15", "2024-08-22").stall("2024-01-15"),
				plan("氢燃料电池电堆项目", "Hydrogen fuel cell stacks project", null, NEW_ENERGY, "6.2").land("88")
					.on("2022-02-14", "2022-06-08", "2022-12-12", "2024-09-26").stall("2023-06-20"),
				plan("高端液压件项目", "High-end hydraulic components project", null, HIGH_END_EQUIPMENT, "3.2").land("45")
					.on("2022-09-01", "2022-11-24", "2023-04-18", "2024-11-15"),
				plan("高端医疗器械产业化项目", "High-end medical devices industrialisation project", null, BIOMEDICINE, "4.8")
					.land("60").on("2022-04-20", "2022-07-28", "2023-05-22", "2024-12-10"),
				plan("创世纪数控智能制造基地（一期）项目", "Genesis CNC smart manufacturing base (phase I) project", GENESIS,
						ROBOTICS_CNC, "10")
					.land("150").on("2021-09-10", "2021-12-02", "2022-05-16", "2024-04-25", "2024-07-01"),

				// Above designated size in 2024: 8, each the first of its enterprise.
				plan("布镭德硬质合金刀具智能制造项目", "Buleide cemented-carbide tools smart manufacturing project", BULEIDE,
						HIGH_END_EQUIPMENT, "2.2")
					.land("35")
					.on("2021-06-18", "2021-09-08", "2022-01-12", "2022-12-20", "2023-03-15", "2024-12-18")
					.stall("2024-01-20", "2024-09-30", REPORTED),
				plan("汽车精密冲压件项目", "Automotive precision stampings project", null, NEV, "2.6").land("38")
					.on("2021-10-11", "2022-01-06", "2022-04-18", "2023-02-27", "2023-06-10", "2024-03-31"),
				plan("伺服电机项目", "Servo motors project", null, ROBOTICS_CNC, "1.8").land("26")
					.on("2021-11-22", "2022-02-15", "2022-06-08", "2023-04-20", "2023-08-20", "2024-06-30"),
				plan("碳纤维复合材料项目", "Carbon-fibre composites project", null, NEW_MATERIALS, "3.5").land("50")
					.on("2021-08-16", "2021-11-03", "2022-03-21", "2023-04-12", "2023-07-18", "2024-05-31"),
				plan("柔性电路板项目", "Flexible printed circuits project", null, ELECTRONIC_INFORMATION, "2.9").land("32")
					.on("2022-01-20", "2022-04-08", "2022-08-15", "2023-07-06", "2023-10-16", "2024-09-30"),
				plan("奥氏环境环保装备制造项目", "Aoshi environmental equipment manufacturing project", AOSHI,
						ENERGY_SAVING_ENVIRONMENTAL, "2.4")
					.land("30").on("2022-03-09", "2022-06-01", "2022-10-17", "2023-09-05", "2023-12-12", "2024-11-30"),
				plan("汽车电子控制器项目", "Automotive electronic controllers project", null, NEV, "1.5").land("20")
					.on("2021-07-05", "2021-09-27", "2022-02-14", "2022-12-28", "2023-05-09", "2024-08-31"),
				plan("功能性纺织面料项目", "Functional textile fabrics project", null, TRADITIONAL, "1.2").land("18")
					.on("2021-05-17", "2021-08-02", "2021-11-15", "2022-10-20", "2023-04-06", "2024-02-29"),

				// Registered early in 2025 at 3亿 or more: 2, one of 10亿 or more.
				plan("新能源汽车智能座舱项目", "NEV smart cockpit project", null, NEV, "16").land("150")
					.on("2024-05-22", "2025-01-20").stall("2024-10-15"),
				plan("人形机器人关键部件项目", "Humanoid robot key components project", null, ROBOTICS_CNC, "4.5").land("55")
					.on("2024-11-08", "2025-02-18"),

				// Earlier years, so that the bands and the years filter something.
				plan("智能焊接机器人项目", "Intelligent welding robots project", null, ROBOTICS_CNC, "3.8").land("44")
					.on("2022-10-18", "2023-01-09", "2023-05-15").stall("2024-06-15"),
				plan("分布式光伏组件项目", "Distributed PV modules project", null, NEW_ENERGY, "11").land("170")
					.on("2022-11-07", "2023-02-13", "2023-06-19"),
				plan("新能源商用车零部件项目", "New-energy commercial vehicle components project", null, NEV, "7.5").land("100")
					.on("2021-03-08", "2021-06-02", "2021-10-11", "2023-03-20", "2023-06-26", "2023-12-15")
					.stall("2023-04-10"),
				plan("长合区人才公寓及配套项目", "Changhe Zone talent apartments and amenities project", null, SERVICES, "4.2")
					.land("40").on("2022-12-05", "2023-03-14", "2023-07-24"),
				plan("高端精密齿轮项目", "High-end precision gears project", null, HIGH_END_EQUIPMENT, "3").land("36")
					.on("2023-02-06", "2023-05-10", "2023-09-12", "2025-01-15").stall("2024-09-10"),
				plan("生物制药产业化项目", "Biopharmaceuticals industrialisation project", null, BIOMEDICINE, "5.8").land("70")
					.on("2023-01-10", "2023-04-18", "2023-08-21").stall("2023-03-01"),
				plan("高性能磁性材料项目", "High-performance magnetic materials project", null, NEW_MATERIALS, "6.6")
					.land("80").on("2020-11-16", "2021-02-22", "2021-06-07", "2022-11-30", "2023-03-01", "2023-09-30"),
				plan("汽车智能座椅项目", "Automotive smart seats project", null, NEV, "3.1").land("45")
					.on("2020-06-15", "2020-09-01", "2020-12-10", "2021-10-28", "2022-01-20", "2022-11-30"),
				plan("锂电池隔膜项目", "Lithium battery separators project", null, NEW_ENERGY, "8.2").land("105")
					.on("2021-04-12", "2021-07-19", "2021-12-06", "2023-06-30", "2023-10-20"),
				plan("数控系统及工业软件项目", "CNC systems and industrial software project", null, ELECTRONIC_INFORMATION,
						"3.3")
					.land("28").onReclaimedLand().on("2022-08-22", "2022-12-01", "2023-03-27", "2023-12-18", "2024-04-15"),
				plan("污水处理及再生水回用项目", "Wastewater treatment and water reuse project", null,
						ENERGY_SAVING_ENVIRONMENTAL, "3.6")
					.land("62").on("2023-02-20", "2023-05-29", "2023-10-09"),
				plan("长合区数字化综合服务平台项目", "Changhe Zone digital service platform project", null, SERVICES, "2.4")
					.land("12").on("2022-10-10", "2023-01-16", "2023-04-10", "2024-06-28"),

				// The five retrofit projects approved for the special re-loan in 2024, 5亿 in all.
				plan("九龙机械智能化技术改造项目", "Jiulong smart technical retrofit project", JIULONG, NEV, "2.5")
					.on("2023-10-10", "2023-12-05", "2024-03-12").reLoan("2024-05-20", "1.2"),
				plan("沪帆汽配生产线设备更新项目", "Hufan production line equipment renewal project", HUFAN, NEV, "2.2")
					.on("2023-11-15", "2024-01-10", "2024-04-02").reLoan("2024-06-18", "1.1"),
				plan("印染废水近零排放技术改造项目", "Dyeing wastewater near-zero discharge retrofit project", null,
						GREEN_RETROFIT, "2")
					.on("2023-08-21", "2023-10-30", "2024-01-22", "2024-10-28").reLoan("2024-04-25", "1.0"),
				plan("木业家居数字化改造项目", "Wood furniture digital retrofit project", null, TRADITIONAL, "1.8")
					.on("2023-09-11", "2023-11-20", "2024-02-26").reLoan("2024-07-15", "0.9"),
				plan("光伏屋顶及能效提升改造项目", "Rooftop PV and energy efficiency retrofit project", null, GREEN_RETROFIT,
						"1.6")
					.on("2023-12-04", "2024-02-19", "2024-05-13", "2024-12-16").reLoan("2024-08-20", "0.8"));
	}

	/**
	 * 80 projects below 3亿元: 37 listed as stalled and cleared in 2024 and 13 still listed at its end (each of
	 * the five categories in turn), and 30 never listed. None reaches above designated size, so that the 8 of
	 * 2024 are the catalog's.
	 */
	private static List<ProjectPlan> smallProjects(Random random, Owners owners, Enterprises enterprises) {
		List<ProjectPlan> plans = new ArrayList<>();
		for (int i = 0; i < SMALL_PROJECTS; i++) {
			Sector sector = SMALL_PROJECT_SECTORS.get(i % SMALL_PROJECT_SECTORS.size());
			EnterpriseSeed owner = enterprises.seed(owners.next(sector));
			String[][] products = PRODUCTS.get(sector);
			String[] product = products[(i / SMALL_PROJECT_SECTORS.size() + i) % products.length];
			// From 3000万 to 2.899亿, in steps of 10万: below the smallest band.
			BigDecimal total = BigDecimal.valueOf(300 + random.nextInt(2600)).multiply(TEN_WAN).setScale(2);
			String land = (i % 6 == 5) ? null : String.valueOf(12 + random.nextInt(100));
			ProjectPlan plan = ProjectPlan
				.of(owner.brand() + product[0] + "项目", owner.brandEn() + " " + product[1] + " project", owner.name(),
						sector, total)
				.land(land);
			int stage = i % 5;
			if (i < CLEARED_IN_2024) {
				LocalDate clearedOn = LocalDate.of(2024, 1, 20).plusDays(random.nextInt(311));
				LocalDate listedOn = clearedOn.minusDays(60 + random.nextInt(181));
				plan = stalled(plan, reachedBefore(random, stage, listedOn), listedOn, clearedOn);
			}
			else if (i < CLEARED_IN_2024 + OPEN_AT_END_OF_2024) {
				LocalDate listedOn = LocalDate.of(2024, 2, 1).plusDays(random.nextInt(300));
				List<LocalDate> dates = reachedBefore(random, stage, listedOn);
				LocalDate clearedOn = (i < CLEARED_IN_2024 + CLEARED_IN_2025)
						? LocalDate.of(2025, 1, 8).plusDays(random.nextInt(46)) : null;
				plan = stalled(plan, dates, listedOn, clearedOn);
			}
			else {
				// Never listed: its latest stage is recent, or it is producing.
				int last = random.nextInt(ProjectPlan.IN_PRODUCTION + 1);
				LocalDate lastOn = (last == ProjectPlan.IN_PRODUCTION)
						? LocalDate.of(2021, 6, 1).plusDays(random.nextInt(1360))
						: LocalDate.of(2024, 3, 1).plusDays(random.nextInt(357));
				List<LocalDate> dates = new ArrayList<>(List.of(lastOn));
				for (int s = last; s > ProjectPlan.SIGNED; s--) {
					dates.add(0, dates.get(0).minusDays(45 + random.nextInt(156)));
				}
				plan = plan.reachedOn(dates);
			}
			plans.add(plan);
		}
		return plans;
	}

	// The project reached the stage it is listed at some time before it was listed, and the stages before that earlier.
	private static List<LocalDate> reachedBefore(Random random, int stage, LocalDate listedOn) {
		List<LocalDate> dates = new ArrayList<>(List.of(listedOn.minusDays(40 + random.nextInt(161))));
		for (int s = stage; s > ProjectPlan.SIGNED; s--) {
			dates.add(0, dates.get(0).minusDays(30 + random.nextInt(121)));
		}
		return dates;
	}

	// Lists a project at its latest stage; it is cleared by reaching the next one, or, producing below
	// capacity, by reaching capacity. Without a clearance date it stays listed.
	private static ProjectPlan stalled(ProjectPlan plan, List<LocalDate> dates, LocalDate listedOn,
			LocalDate clearedOn) {
		boolean belowCapacity = dates.size() - 1 == ProjectPlan.IN_PRODUCTION;
		List<LocalDate> reached = new ArrayList<>(dates);
		if (clearedOn != null && !belowCapacity) {
			reached.add(clearedOn);
		}
		return plan.reachedOn(reached)
			.withStall(new StallPlan(listedOn, belowCapacity ? clearedOn : null, ILLUSTRATIVE));
	}

	private static ProjectPlan plan(String name, String nameEn, String owner, Sector sector, String totalYi) {
		return ProjectPlan.of(name, nameEn, owner, sector, yi(totalYi));
	}

	/**
	 * A project as written, with the ids it got.
	 */
	record PlacedProject(long id, long enterpriseId, long sectorId, String enterprise, ProjectPlan plan) {
	}

	/**
	 * Hands out the illustrative enterprises of each sector in turn to the projects that need an owner,
	 * starting again from the first when a sector runs out.
	 */
	private static final class Owners {

		private final Enterprises enterprises;

		private final Map<Sector, Integer> taken = new EnumMap<>(Sector.class);

		Owners(Enterprises enterprises) {
			this.enterprises = enterprises;
		}

		String next(Sector sector) {
			List<EnterpriseSeed> candidates = this.enterprises.illustrative(sector);
			int index = this.taken.merge(sector, 1, Integer::sum) - 1;
			return candidates.get(index % candidates.size()).name();
		}

	}

}
