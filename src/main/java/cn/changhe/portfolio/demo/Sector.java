package cn.changhe.portfolio.demo;

import static cn.changhe.portfolio.demo.Provenance.ILLUSTRATIVE;
import static cn.changhe.portfolio.demo.Provenance.REPORTED;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The zone's sectors: the eight emerging chains (two of them leading), green retrofits, traditional
 * industry and the one non-manufacturing sector. The report names only the leading two and the green one.
 */
enum Sector {

	NEV("新能源汽车及关键零部件", "New-energy vehicles and key components", true, true, REPORTED),
	ROBOTICS_CNC("仿生机器人及数控机床", "Bionic robots and CNC machine tools", true, true, REPORTED),
	NEW_MATERIALS("新材料", "New materials", true, false, ILLUSTRATIVE),
	NEW_ENERGY("新能源（光伏储能）", "New energy (photovoltaics and energy storage)", true, false, ILLUSTRATIVE),
	ELECTRONIC_INFORMATION("电子信息", "Electronic information", true, false, ILLUSTRATIVE),
	HIGH_END_EQUIPMENT("高端装备", "High-end equipment", true, false, ILLUSTRATIVE),
	BIOMEDICINE("生物医药", "Biomedicine", true, false, ILLUSTRATIVE),
	ENERGY_SAVING_ENVIRONMENTAL("节能环保", "Energy saving and environmental protection", true, false, ILLUSTRATIVE),
	GREEN_RETROFIT("绿色低碳改造", "Green and low-carbon retrofits", false, false, REPORTED),
	TRADITIONAL("传统产业", "Traditional industries", false, false, ILLUSTRATIVE),
	SERVICES("生产性服务及基础设施", "Producer services and infrastructure", false, false, ILLUSTRATIVE);

	final String nameZh;

	final String nameEn;

	final boolean emerging;

	final boolean leading;

	final Provenance provenance;

	Sector(String nameZh, String nameEn, boolean emerging, boolean leading, Provenance provenance) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.emerging = emerging;
		this.leading = leading;
		this.provenance = provenance;
	}

	/** Writes every sector and returns their ids. */
	static Map<Sector, Long> write(Connection connection) throws SQLException {
		Map<Sector, Long> ids = new EnumMap<>(Sector.class);
		try (Insert sectors = Insert.into(connection, "sector", "code", "name", "name_en", "is_emerging",
				"is_leading", "sort_order")) {
			for (Sector sector : values()) {
				ids.put(sector, sectors.returningId(sector.provenance, sector.name(), sector.nameZh, sector.nameEn,
						sector.emerging, sector.leading, (sector.ordinal() + 1) * 10));
			}
		}
		return ids;
	}

}
