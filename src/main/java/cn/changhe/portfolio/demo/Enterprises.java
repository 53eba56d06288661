package cn.changhe.portfolio.demo;

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

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.changhe.portfolio.enterprise.Uscc;

/**
 * The enterprises: the ten the report names and 160 illustrative ones, with their qualifications and awards.
 */
final class Enterprises {

	static final String HANGZHOU = "浙江杭轴科技有限公司";

	static final String HUFAN = "沪帆汽配";

	static final String JIULONG = "九龙机械";

	static final String XINSHENG = "浙江鑫盛永磁科技股份有限公司";

	static final String GENESIS = "创世纪数控";

	static final String ZHENZHENG = "桢正运动";

	static final String BULEIDE = "浙江布镭德工具有限公司";

	static final String QIDIE = "浙江奇碟汽车零部件有限公司";

	static final String HANGMO = "杭摩新材料集团股份有限公司";

	static final String AOSHI = "奥氏环境";

	// The report gives neither codes nor founding dates: their codes are generated, their dates left empty.
	private static final List<EnterpriseSeed> NAMED = List.of(
			named(HANGZHOU, "Zhejiang Hangzhou Technology Co., Ltd.", "杭轴", "Hangzhou", HIGH_END_EQUIPMENT),
			named(HUFAN, "Hufan Auto Parts", "沪帆", "Hufan", NEV),
			named(JIULONG, "Jiulong Machinery", "九龙", "Jiulong", NEV),
			named(XINSHENG, "Zhejiang Xinsheng Permanent Magnet Technology Co., Ltd.", "鑫盛永磁", "Xinsheng", NEV),
			named(GENESIS, "Genesis CNC", "创世纪", "Genesis", ROBOTICS_CNC),
			named(ZHENZHENG, "Zhenzheng Motion", "桢正", "Zhenzheng", ROBOTICS_CNC),
			named(BULEIDE, "Zhejiang Buleide Tools Co., Ltd.", "布镭德", "Buleide", HIGH_END_EQUIPMENT),
			named(QIDIE, "Zhejiang Qidie Auto Parts Co., Ltd.", "奇碟", "Qidie", NEV),
			named(HANGMO, "Hangmo New Materials Group Co., Ltd.", "杭摩", "Hangmo", NEW_MATERIALS),
			named(AOSHI, "Aoshi Environment", "奥氏", "Aoshi", ENERGY_SAVING_ENVIRONMENTAL));

	// How many illustrative enterprises each sector has, and the words its company names end with.
	private static final Map<Sector, Integer> ILLUSTRATIVE_COUNTS = new EnumMap<>(Map.ofEntries(Map.entry(NEV, 30),
			Map.entry(ROBOTICS_CNC, 26), Map.entry(NEW_MATERIALS, 16), Map.entry(NEW_ENERGY, 12),
			Map.entry(ELECTRONIC_INFORMATION, 14), Map.entry(HIGH_END_EQUIPMENT, 16), Map.entry(BIOMEDICINE, 8),
			Map.entry(ENERGY_SAVING_ENVIRONMENTAL, 8), Map.entry(GREEN_RETROFIT, 6), Map.entry(TRADITIONAL, 16),
			Map.entry(SERVICES, 8)));

	private static final Map<Sector, String[]> COMPANY_KINDS = new EnumMap<>(Map.ofEntries(
			Map.entry(NEV, new String[] { "汽车零部件", "Auto Parts" }),
			Map.entry(ROBOTICS_CNC, new String[] { "机器人科技", "Robotics Technology" }),
			Map.entry(NEW_MATERIALS, new String[] { "新材料科技", "New Materials Technology" }),
			Map.entry(NEW_ENERGY, new String[] { "新能源科技", "New Energy Technology" }),
			Map.entry(ELECTRONIC_INFORMATION, new String[] { "电子科技", "Electronic Technology" }),
			Map.entry(HIGH_END_EQUIPMENT, new String[] { "精密机械", "Precision Machinery" }),
			Map.entry(BIOMEDICINE, new String[] { "生物医药", "Biopharmaceutical" }),
			Map.entry(ENERGY_SAVING_ENVIRONMENTAL, new String[] { "环保科技", "Environmental Technology" }),
			Map.entry(GREEN_RETROFIT, new String[] { "低碳科技", "Low-Carbon Technology" }),
			Map.entry(TRADITIONAL, new String[] { "纺织", "Textile" }),
			Map.entry(SERVICES, new String[] { "产业发展", "Industrial Development" })));

	private static final String[][] BRANDS = { { "恒锐", "Hengrui" }, { "博远", "Boyuan" }, { "瑞泰", "Ruitai" },
			{ "华川", "Huachuan" }, { "启明", "Qiming" }, { "宏达", "Hongda" }, { "天越", "Tianyue" },
			{ "卓辰", "Zhuochen" }, { "远航", "Yuanhang" }, { "聚能", "Juneng" }, { "鼎盛", "Dingsheng" },
			{ "睿驰", "Ruichi" }, { "凯途", "Kaitu" }, { "星联", "Xinglian" }, { "同创", "Tongchuang" },
			{ "嘉禾", "Jiahe" }, { "云帆", "Yunfan" }, { "青禾", "Qinghe" }, { "诚拓", "Chengtuo" }, { "德旺", "Dewang" },
			{ "丰源", "Fengyuan" }, { "海纳", "Haina" }, { "锦程", "Jincheng" }, { "明泰", "Mingtai" },
			{ "晟达", "Shengda" }, { "拓新", "Tuoxin" }, { "新越", "Xinyue" }, { "亿联", "Yilian" },
			{ "优创", "Youchuang" }, { "智远", "Zhiyuan" }, { "中恒", "Zhongheng" }, { "安澜", "Anlan" },
			{ "百川", "Baichuan" }, { "辰光", "Chenguang" }, { "东麓", "Donglu" }, { "飞鸿", "Feihong" },
			{ "和信", "Hexin" }, { "汇智", "Huizhi" }, { "骏驰", "Junchi" }, { "立恒", "Liheng" } };

	// 9 = registered with market regulation, 1 = enterprise, 330500 = Huzhou; then the post-2015 "MA" form.
	private static final String USCC_PREFIX = "91330500MA2";

	// Qualifications the named enterprises hold before 2024 (illustrative years); 布镭德 and 奥氏 rise with their projects.
	private static final List<Grant> NAMED_HIGH_TECH = List.of(new Grant(XINSHENG, 2022), new Grant(HANGMO, 2023),
			new Grant(QIDIE, 2022), new Grant(GENESIS, 2023), new Grant(ZHENZHENG, 2022), new Grant(HANGZHOU, 2021),
			new Grant(JIULONG, 2021), new Grant(BULEIDE, 2023));

	private static final List<Grant> NAMED_ABOVE_SIZE = List.of(new Grant(XINSHENG, 2017), new Grant(HANGMO, 2014),
			new Grant(QIDIE, 2019), new Grant(JIULONG, 2018), new Grant(HUFAN, 2020), new Grant(GENESIS, 2021),
			new Grant(ZHENZHENG, 2022), new Grant(HANGZHOU, 2023));

	private final List<EnterpriseSeed> illustrative;

	private final Map<String, EnterpriseSeed> byName = new LinkedHashMap<>();

	private final Map<String, Long> ids = new HashMap<>();

	private Enterprises(List<EnterpriseSeed> illustrative) {
		this.illustrative = illustrative;
		NAMED.forEach((seed) -> this.byName.put(seed.name(), seed));
		illustrative.forEach((seed) -> {
			if (this.byName.put(seed.name(), seed) != null) {
				throw new IllegalStateException("Two enterprises are called " + seed.name());
			}
		});
	}

	/** Writes every enterprise, each with a generated code whose check character is valid. */
	static Enterprises write(Connection connection, Map<Sector, Long> sectorIds) throws SQLException {
		Enterprises enterprises = new Enterprises(illustrative(new Random(V1__Zone2024.SEED)));
		try (Insert insert = Insert.into(connection, "enterprise", "uscc", "name", "name_en", "sector_id",
				"established_on")) {
			int serial = 0;
			for (EnterpriseSeed seed : enterprises.byName.values()) {
				String uscc = Uscc.withCheckCharacter(USCC_PREFIX + serialCode(serial++));
				enterprises.ids.put(seed.name(), insert.returningId(seed.provenance(), uscc, seed.name(), seed.nameEn(),
						sectorIds.get(seed.sector()), seed.establishedOn()));
			}
		}
		return enterprises;
	}

	long id(String name) {
		Long id = this.ids.get(name);
		if (id == null) {
			throw new IllegalArgumentException("No enterprise called " + name);
		}
		return id;
	}

	EnterpriseSeed seed(String name) {
		return this.byName.get(name);
	}

	/** The illustrative enterprises of a sector, in the order they were generated. */
	List<EnterpriseSeed> illustrative(Sector sector) {
		return this.illustrative.stream().filter((seed) -> seed.sector() == sector).toList();
	}

	/** The named enterprises of a sector. */
	List<EnterpriseSeed> named(Sector sector) {
		return NAMED.stream().filter((seed) -> seed.sector() == sector).toList();
	}

	/**
	 * Writes the qualifications: 14 new high-tech and 112 tech-SME enterprises in 2024 as the report counts,
	 * some in earlier years, and above-size status in the year an enterprise's project first reached it.
	 * @param aboveSizeByProject the year each enterprise's first project reached above designated size
	 */
	void writeQualifications(Connection connection, Map<String, Integer> aboveSizeByProject) throws SQLException {
		try (Insert insert = Insert.into(connection, "enterprise_qualification", "enterprise_id", "qualification",
				"granted_year")) {
			for (int i = 0; i < this.illustrative.size(); i++) {
				long id = id(this.illustrative.get(i).name());
				// 7, 6 and 5 in every 10 enterprises: 112 of the 160 in 2024, 96 in 2023, 80 in 2022.
				if (i % 10 < 7) {
					insert.add(ILLUSTRATIVE, id, "TECH_SME", 2024);
				}
				if ((i + 3) % 10 < 6) {
					insert.add(ILLUSTRATIVE, id, "TECH_SME", 2023);
				}
				if ((i + 6) % 10 < 5) {
					insert.add(ILLUSTRATIVE, id, "TECH_SME", 2022);
				}
			}
			List<EnterpriseSeed> emerging = this.illustrative.stream().filter((seed) -> seed.sector().emerging).toList();
			grantEvery(insert, emerging, 3, 14, "HIGH_TECH", 2024);
			grantEvery(insert, emerging, 6, 11, "HIGH_TECH", 2023);
			grantEvery(insert, emerging, 0, 9, "HIGH_TECH", 2022);
			for (Grant grant : NAMED_HIGH_TECH) {
				insert.add(ILLUSTRATIVE, id(grant.enterprise()), "HIGH_TECH", grant.year());
			}
			Map<String, Integer> aboveSize = new LinkedHashMap<>();
			NAMED_ABOVE_SIZE.forEach((grant) -> aboveSize.put(grant.enterprise(), grant.year()));
			aboveSize.putAll(aboveSizeByProject);
			for (int i = 4; i < this.illustrative.size(); i += 9) {
				// Some established enterprises went above size in 2018-2023, at the earliest the year after founding.
				EnterpriseSeed seed = this.illustrative.get(i);
				aboveSize.putIfAbsent(seed.name(), Math.max(2018 + (i / 9) % 6, seed.establishedOn().getYear() + 1));
			}
			for (Map.Entry<String, Integer> grant : aboveSize.entrySet()) {
				insert.add(ILLUSTRATIVE, id(grant.getKey()), "ABOVE_SIZE", grant.getValue());
			}
		}
	}

	/** Writes the three Zhejiang Science and Technology Progress Awards of 2023 that the report names. */
	void writeAwards(Connection connection) throws SQLException {
		try (Insert insert = Insert.into(connection, "enterprise_award", "enterprise_id", "name", "name_en", "grade",
				"award_year")) {
			for (Object[] award : new Object[][] { { XINSHENG, "FIRST" }, { QIDIE, "THIRD" }, { HANGMO, "THIRD" } }) {
				insert.add(REPORTED, id((String) award[0]), "浙江省科学技术进步奖",
						"Zhejiang Provincial Science and Technology Progress Award", award[1], 2023);
			}
		}
	}

	private void grantEvery(Insert insert, List<EnterpriseSeed> candidates, int remainder, int count,
			String qualification, int year) throws SQLException {
		int granted = 0;
		for (int j = remainder; j < candidates.size() && granted < count; j += 8, granted++) {
			insert.add(ILLUSTRATIVE, id(candidates.get(j).name()), qualification, year);
		}
		if (granted != count) {
			throw new IllegalStateException("Only " + granted + " " + qualification + " grants for " + year);
		}
	}

	private static List<EnterpriseSeed> illustrative(Random random) {
		List<EnterpriseSeed> seeds = new ArrayList<>();
		for (Sector sector : Sector.values()) {
			String[] kind = COMPANY_KINDS.get(sector);
			for (int i = 0; i < ILLUSTRATIVE_COUNTS.get(sector); i++) {
				String[] brand = BRANDS[(sector.ordinal() * 11 + i) % BRANDS.length];
				// Founded between 2006 and 2019, before any project or qualification the dataset gives them.
				LocalDate establishedOn = LocalDate.of(2006, 1, 1).plusDays(random.nextInt(5000));
				seeds.add(new EnterpriseSeed("湖州长合" + brand[0] + kind[0] + "有限公司",
						"Huzhou Changhe " + brand[1] + " " + kind[1] + " Co., Ltd.", brand[0], brand[1], sector,
						establishedOn, ILLUSTRATIVE));
			}
		}
		return seeds;
	}

	private static EnterpriseSeed named(String name, String nameEn, String brand, String brandEn, Sector sector) {
		return new EnterpriseSeed(name, nameEn, brand, brandEn, sector, null, REPORTED);
	}

	// Six characters of the code alphabet, distinct for every serial number below 31^6.
	private static String serialCode(int serial) {
		int value = serial * 7919 + 104729;
		char[] code = new char[6];
		for (int i = code.length - 1; i >= 0; i--) {
			code[i] = Uscc.ALPHABET.charAt(value % Uscc.ALPHABET.length());
			value /= Uscc.ALPHABET.length();
		}
		return new String(code);
	}

	private record Grant(String enterprise, int year) {
	}

	/**
	 * An enterprise to write. The brand is the short name that the titles of its projects and awards start with.
	 */
	record EnterpriseSeed(String name, String nameEn, String brand, String brandEn, Sector sector,
			LocalDate establishedOn, Provenance provenance) {
	}

}
