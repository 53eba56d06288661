package cn.changhe.portfolio.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changhe.portfolio.graphql.Columns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes of funds, investors, commitments and capital calls: each a bound-parameter statement in
 * the caller's transaction.
 *
 * <p>Whatever changes what a fund has committed to it locks the fund's row first, then the
 * commitment's: writers of one fund's commitments take their turns, and never wait on each other
 * in a circle.
 */
@Repository
class FundWrites {

	private final JdbcClient jdbc;

	FundWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The fund's current fields (without its focus sectors), locked until the transaction ends. */
	Optional<Map<String, Object>> lockFund(long id) {
		return this.jdbc.sql("""
				SELECT name, name_en, size, currency, vintage_year, manager_id, version FROM fund
				WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
			.param(id)
			.query((rs, row) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("name", rs.getString("name"));
				fields.put("nameEn", rs.getString("name_en"));
				fields.put("size", rs.getBigDecimal("size"));
				fields.put("currency", rs.getString("currency"));
				fields.put("vintageYear", rs.getInt("vintage_year"));
				fields.put("managerId", Columns.nullableLong(rs, "manager_id"));
				fields.put("version", rs.getLong("version"));
				return fields;
			})
			.optional();
	}

	/** The ids of the sectors the fund focuses on, smallest first. */
	List<Long> focusSectorIds(long fundId) {
		return this.jdbc.sql("SELECT sector_id FROM fund_sector WHERE fund_id = ? ORDER BY sector_id")
			.param(fundId)
			.query(Long.class)
			.list();
	}

	/** Whether another fund, live or deleted, has the name (names are unique over all rows). */
	boolean fundNameTaken(String name, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM fund WHERE name = ? AND id <> ?")
			.params(name, (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	boolean sectorExists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sector WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	boolean investorExists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM investor WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the fund has live commitments. */
	boolean hasCommitments(long fundId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM commitment WHERE fund_id = ? AND deleted_at IS NULL")
			.param(fundId)
			.query(Long.class)
			.single() > 0;
	}

	/** The sum of the fund's live commitments in the currency, leaving one commitment out where given. */
	BigDecimal committedTotal(long fundId, String currency, Long exceptCommitmentId) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(committed), 0) FROM commitment
				WHERE fund_id = ? AND currency = ? AND deleted_at IS NULL AND id <> ?""")
			.params(fundId, currency, (exceptCommitmentId != null) ? exceptCommitmentId : -1L)
			.query(BigDecimal.class)
			.single();
	}

	long insertFund(Map<String, Object> fields, String source, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO fund (name, name_en, size, currency, vintage_year, manager_id, provenance, source,
				                  created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(fields.get("name"), fields.get("nameEn"), fields.get("size"), fields.get("currency"),
					fields.get("vintageYear"), fields.get("managerId"), source, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateFund(long id, Map<String, Object> fields, long version, LocalDateTime now) {
		this.jdbc.sql("""
				UPDATE fund SET name = ?, name_en = ?, size = ?, currency = ?, vintage_year = ?, manager_id = ?,
				       updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(fields.get("name"), fields.get("nameEn"), fields.get("size"), fields.get("currency"),
					fields.get("vintageYear"), fields.get("managerId"), now, id, version)
			.update();
	}

	/** Makes the fund's focus sectors exactly these. */
	void replaceFocusSectors(long fundId, Collection<Long> sectorIds) {
		this.jdbc.sql("DELETE FROM fund_sector WHERE fund_id = ?").param(fundId).update();
		for (Long sectorId : sectorIds) {
			this.jdbc.sql("INSERT INTO fund_sector (fund_id, sector_id) VALUES (?, ?)").params(fundId, sectorId).update();
		}
	}

	/** The investor's current fields, locked until the transaction ends. */
	Optional<Map<String, Object>> lockInvestor(long id) {
		return this.jdbc.sql("""
				SELECT name, name_en, investor_type, version FROM investor
				WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
			.param(id)
			.query((rs, row) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("name", rs.getString("name"));
				fields.put("nameEn", rs.getString("name_en"));
				fields.put("type", rs.getString("investor_type"));
				fields.put("version", rs.getLong("version"));
				return fields;
			})
			.optional();
	}

	/** Whether another investor, live or deleted, has the name (names are unique over all rows). */
	boolean investorNameTaken(String name, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM investor WHERE name = ? AND id <> ?")
			.params(name, (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	long insertInvestor(Map<String, Object> fields, String source, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO investor (name, name_en, investor_type, provenance, source, created_at, updated_at, version)
				VALUES (?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(fields.get("name"), fields.get("nameEn"), fields.get("type"), source, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateInvestor(long id, Map<String, Object> fields, long version, LocalDateTime now) {
		this.jdbc.sql("""
				UPDATE investor SET name = ?, name_en = ?, investor_type = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(fields.get("name"), fields.get("nameEn"), fields.get("type"), now, id, version)
			.update();
	}

	/** The fund of a live commitment, read without a lock: the fund is to be locked before the commitment. */
	Optional<Long> fundOfCommitment(long commitmentId) {
		return this.jdbc.sql("SELECT fund_id FROM commitment WHERE id = ? AND deleted_at IS NULL")
			.param(commitmentId)
			.query(Long.class)
			.optional();
	}

	/** The commitment's current fields, locked until the transaction ends. */
	Optional<Map<String, Object>> lockCommitment(long id) {
		return this.jdbc.sql("""
				SELECT fund_id, investor_id, committed, called, currency, committed_on, version FROM commitment
				WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
			.param(id)
			.query((rs, row) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("fundId", rs.getLong("fund_id"));
				fields.put("investorId", rs.getLong("investor_id"));
				fields.put("committed", rs.getBigDecimal("committed"));
				fields.put("called", rs.getBigDecimal("called"));
				fields.put("currency", rs.getString("currency"));
				fields.put("committedOn", rs.getObject("committed_on", LocalDate.class));
				fields.put("version", rs.getLong("version"));
				return fields;
			})
			.optional();
	}

	/** Whether the investor has a commitment to the fund, live or deleted (one row per pair ever). */
	boolean commitmentExists(long fundId, long investorId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM commitment WHERE fund_id = ? AND investor_id = ?")
			.params(fundId, investorId)
			.query(Long.class)
			.single() > 0;
	}

	/** The day of the commitment's first live capital call, if it has one. */
	Optional<LocalDate> firstCallOn(long commitmentId) {
		return this.jdbc.sql("""
				SELECT called_on FROM capital_call WHERE commitment_id = ? AND deleted_at IS NULL
				ORDER BY called_on LIMIT 1""")
			.param(commitmentId)
			.query((rs, row) -> rs.getObject("called_on", LocalDate.class))
			.optional();
	}

	long insertCommitment(Map<String, Object> fields, String source, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO commitment (fund_id, investor_id, committed, called, currency, committed_on, provenance,
				                        source, created_at, updated_at, version)
				VALUES (?, ?, ?, 0, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(fields.get("fundId"), fields.get("investorId"), fields.get("committed"), fields.get("currency"),
					fields.get("committedOn"), source, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateCommitment(long id, Map<String, Object> fields, long version, LocalDateTime now) {
		this.jdbc.sql("""
				UPDATE commitment SET committed = ?, committed_on = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(fields.get("committed"), fields.get("committedOn"), now, id, version)
			.update();
	}

	long insertCapitalCall(long commitmentId, BigDecimal amount, LocalDate calledOn, String source, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO capital_call (commitment_id, amount, called_on, provenance, source, created_at, updated_at,
				                          version)
				VALUES (?, ?, ?, 'REPORTED', ?, ?, ?, 0)""")
			.params(commitmentId, amount, calledOn, source, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Raises what has been called of the commitment; the number of rows changed (0 when the version moved on). */
	int raiseCalled(long commitmentId, BigDecimal amount, long version, LocalDateTime now) {
		return this.jdbc.sql("""
				UPDATE commitment SET called = called + ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ? AND called + ? <= committed""")
			.params(amount, now, commitmentId, version, amount)
			.update();
	}

}
