package cn.changhe.portfolio.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.changhe.portfolio.write.Beside;
import cn.changhe.portfolio.write.Column;
import cn.changhe.portfolio.write.Lookups;
import cn.changhe.portfolio.write.Refers;
import cn.changhe.portfolio.write.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * What mutations of funds, investors, commitments and capital calls write, and the checks they
 * read, in the caller's transaction.
 *
 * <p>Whatever changes what a fund has committed to it locks the fund's row first, then the
 * commitment's: writers of one fund's commitments take their turns, and never wait on each other
 * in a circle.
 */
@Repository
class FundWrites {

	static final String COMMITTED_ALREADY = "The investor already has a commitment to this fund.";

	/** A fund's writable columns, and its focus sectors (kept in fund_sector). */
	record FundValues(String name, String nameEn, BigDecimal size, String currency, Integer vintageYear,
			@Refers("Investor") Long managerId, @Beside @Refers("Sector") List<Long> focusSectorIds) {
	}

	static final Table<FundValues> FUNDS = Table.of("Fund", "fund", FundValues.class)
		.unique("Another fund has this name.", "input", "name")
		.completedBy((jdbc, id, fund) -> new FundValues(fund.name(), fund.nameEn(), fund.size(), fund.currency(),
				fund.vintageYear(), fund.managerId(), focusSectorIds(jdbc, id)));

	/** An investor's writable columns. */
	record InvestorValues(String name, String nameEn, @Column("investor_type") Investor.Type type) {
	}

	static final Table<InvestorValues> INVESTORS = Table.of("Investor", "investor", InvestorValues.class)
		.unique("Another investor has this name.", "input", "name");

	/** A commitment's writable columns. */
	record CommitmentValues(@Refers("Fund") Long fundId, @Refers("Investor") Long investorId, BigDecimal committed,
			BigDecimal called, String currency, LocalDate committedOn) {
	}

	static final Table<CommitmentValues> COMMITMENTS = Table.of("Commitment", "commitment", CommitmentValues.class)
		.unique(COMMITTED_ALREADY, "input", "investorId");

	private final JdbcClient jdbc;

	FundWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ids of the sectors the fund focuses on, smallest first. */
	static List<Long> focusSectorIds(JdbcClient jdbc, long fundId) {
		return jdbc.sql("SELECT sector_id FROM fund_sector WHERE fund_id = ? ORDER BY sector_id")
			.param(fundId)
			.query(Long.class)
			.list();
	}

	/** Whether another fund, live or deleted, has the name (names are unique over all rows). */
	boolean fundNameTaken(String name, Long exceptId) {
		return Lookups.any(this.jdbc, "fund WHERE name = ? AND id <> ?", name, (exceptId != null) ? exceptId : -1L);
	}

	/** Whether the fund has live commitments. */
	boolean hasCommitments(long fundId) {
		return Lookups.any(this.jdbc, "commitment WHERE fund_id = ? AND deleted_at IS NULL", fundId);
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

	/** Makes the fund's focus sectors exactly these. */
	void replaceFocusSectors(long fundId, Collection<Long> sectorIds) {
		this.jdbc.sql("DELETE FROM fund_sector WHERE fund_id = ?").param(fundId).update();
		for (Long sectorId : sectorIds) {
			this.jdbc.sql("INSERT INTO fund_sector (fund_id, sector_id) VALUES (?, ?)").params(fundId, sectorId).update();
		}
	}

	/** Whether another investor, live or deleted, has the name (names are unique over all rows). */
	boolean investorNameTaken(String name, Long exceptId) {
		return Lookups.any(this.jdbc, "investor WHERE name = ? AND id <> ?", name, (exceptId != null) ? exceptId : -1L);
	}

	/** The fund of a live commitment, read without a lock: the fund is to be locked before the commitment. */
	Optional<Long> fundOfCommitment(long commitmentId) {
		return Lookups.value(this.jdbc, Long.class,
				"SELECT fund_id FROM commitment WHERE id = ? AND deleted_at IS NULL", commitmentId);
	}

	/** Whether the investor has a commitment to the fund, live or deleted (one row per pair ever). */
	boolean commitmentExists(long fundId, long investorId) {
		return Lookups.any(this.jdbc, "commitment WHERE fund_id = ? AND investor_id = ?", fundId, investorId);
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

	/** The fund's live equity investments. */
	List<Long> equityInvestmentsOf(long fundId) {
		return this.jdbc.sql("SELECT id FROM investment WHERE fund_id = ? AND kind = 'FUND_EQUITY' AND deleted_at IS NULL ORDER BY id")
			.param(fundId)
			.query(Long.class)
			.list();
	}

	/** The enterprises the fund's live equity went to that no other fund of the investor's reached. */
	List<Long> enterprisesNewToInvestor(long fundId, long investorId) {
		return this.jdbc.sql("""
				SELECT DISTINCT i.enterprise_id FROM investment i
				WHERE i.fund_id = ? AND i.kind = 'FUND_EQUITY' AND i.deleted_at IS NULL AND i.enterprise_id IS NOT NULL
				  AND i.enterprise_id NOT IN (
				    SELECT o.enterprise_id FROM investment o JOIN commitment c ON c.fund_id = o.fund_id
				    WHERE c.investor_id = ? AND c.deleted_at IS NULL AND c.fund_id <> ? AND o.kind = 'FUND_EQUITY'
				      AND o.deleted_at IS NULL AND o.enterprise_id IS NOT NULL)
				ORDER BY i.enterprise_id""")
			.params(fundId, investorId, fundId)
			.query(Long.class)
			.list();
	}

}
