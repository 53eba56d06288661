package cn.changhe.portfolio.talent;

import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Provenance;

/**
 * A talent programme (人才计划) at a level of government.
 */
public record TalentProgramme(long id, String code, String name, String nameEn, Level level, Provenance provenance)
		implements Identified {

	public enum Level {

		NATIONAL, PROVINCIAL, MUNICIPAL, ZONE

	}

}
