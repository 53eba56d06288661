package cn.changhe.portfolio.enterprise;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Cells;
import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Filters;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Listing;
import cn.changhe.portfolio.graphql.ListingRepository;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Years;

import cn.changhe.portfolio.security.Scope;
import cn.changhe.portfolio.write.Lookups;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EnterpriseRepository extends ListingRepository<EnterpriseFilter, Enterprise> {

	private static final String COLUMNS = """
			e.id, e.uscc, e.name, e.name_en, e.sector_id, e.established_on,
			e.provenance, e.source, e.created_at, e.updated_at, e.version, e.deleted_at""";

	static final Listing<Enterprise> LISTING = Listing.projected(COLUMNS, "enterprise e", "e.id",
			EnterpriseRepository::enterprise)
		.reads("id")
		.reads("name", "e.name")
		.reads("nameEn", "e.name_en")
		.reads("uscc", "e.uscc")
		.reads("sector", "e.sector_id")
		.reads("establishedOn", "e.established_on")
		.reads("qualifications")
		.reads("awards")
		.reads("projects")
		.reads("investments")
		.reads("fundInvestments")
		.reads("talentAwards")
		.readsRecordFields("e");

	/** Enterprises with the funds that made equity investments in them, one row per fund and enterprise. */
	private static final Listing<Enterprise> PORTFOLIOS = Listing.projected(COLUMNS, """
			enterprise e JOIN (SELECT DISTINCT fund_id, enterprise_id FROM investment
			                   WHERE kind = 'FUND_EQUITY' AND deleted_at IS NULL AND fund_id IS NOT NULL) fe
			  ON fe.enterprise_id = e.id""", "e.id", EnterpriseRepository::enterprise);

	EnterpriseRepository(JdbcClient jdbc) {
		super(jdbc, "Enterprise", LISTING, EnterpriseRepository::conditions, (where) -> Scope.enterprises(where, "e.id"));
	}

	/** A relation's source: the enterprises a fund made equity investments in. */
	Relation.Source<EnterpriseFilter, Enterprise> ofFunds() {
		return of(PORTFOLIOS, "fe.fund_id");
	}

	private static Conditions conditions(EnterpriseFilter filter) {
		Conditions where = Scope.enterprises(Filters.live("e", filter.updatedSince()), "e.id");
		if (filter.qualification() != null || filter.qualifiedYear() != null) {
			Conditions grant = new Conditions().and("q.enterprise_id = e.id")
				.and("q.deleted_at IS NULL")
				.andIf((filter.qualification() != null) ? filter.qualification().name() : null, "q.qualification = ?")
				.andIf(Years.check(filter.qualifiedYear(), "filter.qualifiedYear"), "q.granted_year = ?");
			where.and("EXISTS (SELECT 1 FROM enterprise_qualification q" + grant.where() + ")",
					grant.parameters().toArray());
		}
		if (filter.sectorIds() != null) {
			where.andIn("e.sector_id", GlobalId.keysOf(filter.sectorIds(), "Sector", "filter.sectorIds"));
		}
		where.andIf(filter.leading(), "e.sector_id IN (SELECT s.id FROM sector s WHERE s.is_leading = ?)");
		where.andIf(filter.emerging(), "e.sector_id IN (SELECT s.id FROM sector s WHERE s.is_emerging = ?)");
		where.andIf(Filters.text(filter.uscc(), 18, "filter.uscc"), "e.uscc = ?");
		Filters.nameContains(where, "e", filter.nameContains());
		return where;
	}

	/** Whether another enterprise, live or deleted, has the code (codes are unique over all rows). */
	boolean usccTaken(String uscc, Long exceptId) {
		return Lookups.any(this.jdbc,
				"enterprise WHERE uscc = ? AND id <> ?", uscc, (exceptId != null) ? exceptId : -1L);
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

	List<QualificationGrant> qualificationsOf(Collection<Long> enterpriseIds) {
		return this.jdbc.sql("""
				SELECT enterprise_id, qualification, granted_year, provenance, source FROM enterprise_qualification
				WHERE deleted_at IS NULL AND enterprise_id IN (:ids)
				ORDER BY granted_year, qualification""")
			.param("ids", enterpriseIds)
			.query((rs, row) -> new QualificationGrant(rs.getLong("enterprise_id"),
					Qualification.valueOf(rs.getString("qualification")), rs.getInt("granted_year"),
					Columns.provenance(rs)))
			.list();
	}

	List<EnterpriseAward> awardsOf(Collection<Long> enterpriseIds) {
		return this.jdbc.sql("""
				SELECT enterprise_id, name, name_en, grade, award_year, provenance, source FROM enterprise_award
				WHERE deleted_at IS NULL AND enterprise_id IN (:ids)
				ORDER BY award_year, id""")
			.param("ids", enterpriseIds)
			.query((rs, row) -> new EnterpriseAward(rs.getLong("enterprise_id"), rs.getString("name"),
					rs.getString("name_en"), rs.getString("grade"), rs.getInt("award_year"), Columns.provenance(rs)))
			.list();
	}

	/** A row of {@link #COLUMNS}, which every statement here selects first, in that order. */
	private static Enterprise enterprise(Cells row, int n) throws SQLException {
		return new Enterprise(row.id(1), row.text(2), row.text(3), row.text(4), row.nullableLong(5), row.date(6),
				row.provenance(7), row.utc(9), row.utc(10), row.number(11), row.utc(12));
	}

}
