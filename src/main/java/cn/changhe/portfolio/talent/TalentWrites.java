package cn.changhe.portfolio.talent;

import java.math.BigDecimal;

import cn.changhe.portfolio.write.Column;
import cn.changhe.portfolio.write.Refers;
import cn.changhe.portfolio.write.Table;

/**
 * What mutations of talent programmes and awards write: the tables and their records.
 */
final class TalentWrites {

	private TalentWrites() {
	}

	/** A programme's writable columns. */
	record Programme(String code, String name, String nameEn, TalentProgramme.Level level) {
	}

	static final Table<Programme> PROGRAMMES = Table.of("TalentProgramme", "talent_programme", Programme.class)
		.unique("Another talent programme has this code.", "input", "code");

	/** An award's writable columns. */
	record Award(@Refers("TalentProgramme") Long programmeId, @Column("award_year") Integer year, String title,
			String personName, @Refers("Enterprise") Long enterpriseId, @Refers("Project") Long projectId,
			@Column("grant_amount") BigDecimal grant, String grantCurrency) {
	}

	static final Table<Award> AWARDS = Table.of("TalentAward", "talent_award", Award.class);

}
