package cn.changhe.portfolio.enterprise;

import java.time.LocalDate;

import cn.changhe.portfolio.write.Refers;
import cn.changhe.portfolio.write.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What mutations of enterprises write, and the checks they read, in the caller's transaction.
 */
@Repository
class EnterpriseWrites {

	static final String USCC_TAKEN = "Another enterprise has this unified social credit code.";

	/** An enterprise's writable columns. */
	record Values(String name, String nameEn, String uscc, @Refers("Sector") Long sectorId, LocalDate establishedOn) {
	}

	static final Table<Values> TABLE = Table.of("Enterprise", "enterprise", Values.class)
		.unique(USCC_TAKEN, "input", "uscc");

	private final JdbcClient jdbc;

	EnterpriseWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean usccTaken(String uscc, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE uscc = ? AND id <> ?")
			.params(uscc, (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether live projects, ledger rows or talent awards still refer to the enterprise. */
	boolean inUse(long id) {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM project WHERE enterprise_id = ? AND deleted_at IS NULL)
				     + (SELECT COUNT(*) FROM investment WHERE enterprise_id = ? AND deleted_at IS NULL)
				     + (SELECT COUNT(*) FROM talent_award WHERE enterprise_id = ? AND deleted_at IS NULL)""")
			.params(id, id, id)
			.query(Long.class)
			.single() > 0;
	}

}
