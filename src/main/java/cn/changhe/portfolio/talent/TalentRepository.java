package cn.changhe.portfolio.talent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.NodeLookup;

import cn.changhe.portfolio.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TalentRepository implements NodeLookup {

	private static final String COLUMNS = """
			SELECT id, code, name, name_en, level, provenance, source FROM talent_programme""";

	private final JdbcClient jdbc;

	TalentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TalentProgramme> programmes() {
		Conditions where = Scope.none(new Conditions().and("deleted_at IS NULL"));
		return this.jdbc.sql(COLUMNS + where.where() + " ORDER BY id").params(where.parameters()).query(TalentRepository::programme).list();
	}

	@Override
	public String type() {
		return "TalentProgramme";
	}

	@Override
	public List<TalentProgramme> findAllById(Collection<Long> ids) {
		Conditions where = Scope.none(new Conditions().and("deleted_at IS NULL").andIn("id", ids));
		return this.jdbc.sql(COLUMNS + where.where())
			.params(where.parameters())
			.query(TalentRepository::programme)
			.list();
	}

	private static TalentProgramme programme(ResultSet rs, int row) throws SQLException {
		return new TalentProgramme(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				TalentProgramme.Level.valueOf(rs.getString("level")), Columns.provenance(rs));
	}

}
