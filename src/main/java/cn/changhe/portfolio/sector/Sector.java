package cn.changhe.portfolio.sector;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * An industry sector: one of the eight emerging industry chains, possibly one of the two leading
 * industries among them, or another sector.
 */
public record Sector(long id, String code, String name, String nameEn, boolean leading, boolean emerging,
		Provenance provenance) implements Identified {
}
