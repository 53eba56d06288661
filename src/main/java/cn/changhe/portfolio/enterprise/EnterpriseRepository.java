package cn.changhe.portfolio.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.graphql.Page;
import cn.changhe.portfolio.graphql.Years;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class EnterpriseRepository implements NodeLookup {

	private static final String COLUMNS = """
			SELECT e.id, e.uscc, e.name, e.name_en, e.sector_id, e.established_on,
			       e.provenance, e.source, e.created_at, e.updated_at, e.version
			FROM enterprise e""";

	private final JdbcClient jdbc;

	EnterpriseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page in id order, with one row more than the page to tell whether another follows. */
	List<Enterprise> page(EnterpriseFilter filter, Page page) {
		Conditions where = conditions(filter);
		if (page.afterId() != null) {
			where.and("e.id > ?", page.afterId());
		}
		return this.jdbc.sql(COLUMNS + where.where() + " ORDER BY e.id LIMIT ?")
			.params(where.parameters())
			.param(page.size() + 1)
			.query(EnterpriseRepository::enterprise)
			.list();
	}

	long count(EnterpriseFilter filter) {
		Conditions where = conditions(filter);
		return this.jdbc.sql("SELECT COUNT(*) FROM enterprise e" + where.where())
			.params(where.parameters())
			.query(Long.class)
			.single();
	}

	private static Conditions conditions(EnterpriseFilter filter) {
		Conditions where = new Conditions().and("e.deleted_at IS NULL");
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
		if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
			String pattern = Columns.containing(filter.nameContains().strip());
			where.and("(e.name LIKE ? OR e.name_en LIKE ?)", pattern, pattern);
		}
		return where;
	}

	@Override
	public String type() {
		return "Enterprise";
	}

	@Override
	public List<Enterprise> findAllById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(COLUMNS + " WHERE e.deleted_at IS NULL AND e.id IN (:ids)")
			.param("ids", ids)
			.query(EnterpriseRepository::enterprise)
			.list();
	}

	List<QualificationGrant> qualificationsOf(Collection<Long> enterpriseIds) {
		return this.jdbc.sql("""
				SELECT enterprise_id, qualification, granted_year FROM enterprise_qualification
				WHERE deleted_at IS NULL AND enterprise_id IN (:ids)
				ORDER BY granted_year, qualification""")
			.param("ids", enterpriseIds)
			.query((rs, row) -> new QualificationGrant(rs.getLong("enterprise_id"),
					Qualification.valueOf(rs.getString("qualification")), rs.getInt("granted_year")))
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

	private static Enterprise enterprise(ResultSet rs, int row) throws SQLException {
		return new Enterprise(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), rs.getString("name_en"),
				Columns.nullableLong(rs, "sector_id"), Columns.date(rs, "established_on"), Columns.provenance(rs),
				Columns.utc(rs, "created_at"), Columns.utc(rs, "updated_at"), rs.getLong("version"));
	}

}
