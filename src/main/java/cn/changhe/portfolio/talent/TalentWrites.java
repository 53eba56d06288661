package cn.changhe.portfolio.talent;

import java.math.BigDecimal;
import java.util.Optional;

import cn.changhe.portfolio.write.Column;
import cn.changhe.portfolio.write.Refers;
import cn.changhe.portfolio.write.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What mutations of talent programmes and awards write, and the checks they read, in the caller's
 * transaction.
 */
@Repository
class TalentWrites {

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

	private final JdbcClient jdbc;

	TalentWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether a programme, live or deleted, has the code (codes are unique over all rows). */
	boolean codeTaken(String code) {
		return this.jdbc.sql("SELECT COUNT(*) FROM talent_programme WHERE code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0;
	}

	/** The enterprise of a live project; empty where there is no such project. */
	Optional<Long> enterpriseOfProject(long projectId) {
		return this.jdbc.sql("SELECT enterprise_id FROM project WHERE id = ? AND deleted_at IS NULL")
			.param(projectId)
			.query(Long.class)
			.optional();
	}

}
