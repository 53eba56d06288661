package cn.changhe.portfolio.talent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.Money;
import cn.changhe.portfolio.graphql.NodeLookup;
import cn.changhe.portfolio.graphql.Page;
import cn.changhe.portfolio.graphql.Years;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TalentAwardRepository implements NodeLookup {

	private static final String COLUMNS = """
			SELECT a.id, a.programme_id, a.award_year, a.title, a.person_name, a.enterprise_id, a.project_id,
			       a.grant_amount, a.grant_currency, a.provenance, a.source
			FROM talent_award a""";

	private final JdbcClient jdbc;

	TalentAwardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of a programme's awards in id order, with one row more than the page. */
	List<TalentAward> page(long programmeId, Integer year, Page page) {
		Conditions where = conditions(programmeId, year).andIf(page.afterId(), "a.id > ?");
		return this.jdbc.sql(COLUMNS + where.where() + " ORDER BY a.id LIMIT ?")
			.params(where.parameters())
			.param(page.size() + 1)
			.query(TalentAwardRepository::award)
			.list();
	}

	long count(long programmeId, Integer year) {
		Conditions where = conditions(programmeId, year);
		return this.jdbc.sql("SELECT COUNT(*) FROM talent_award a" + where.where())
			.params(where.parameters())
			.query(Long.class)
			.single();
	}

	private static Conditions conditions(long programmeId, Integer year) {
		return new Conditions().and("a.deleted_at IS NULL")
			.and("a.programme_id = ?", programmeId)
			.andIf(Years.check(year, "year"), "a.award_year = ?");
	}

	@Override
	public String type() {
		return "TalentAward";
	}

	@Override
	public List<TalentAward> findAllById(Collection<Long> ids) {
		return this.jdbc.sql(COLUMNS + " WHERE a.deleted_at IS NULL AND a.id IN (:ids)")
			.param("ids", ids)
			.query(TalentAwardRepository::award)
			.list();
	}

	private static TalentAward award(ResultSet rs, int row) throws SQLException {
		return new TalentAward(rs.getLong("id"), rs.getLong("programme_id"), rs.getInt("award_year"),
				rs.getString("title"), rs.getString("person_name"), Columns.nullableLong(rs, "enterprise_id"),
				Columns.nullableLong(rs, "project_id"),
				Money.of(rs.getBigDecimal("grant_amount"), rs.getString("grant_currency")), Columns.provenance(rs));
	}

}
