package cn.changhe.portfolio.sector;

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
public class SectorRepository implements NodeLookup {

	private static final String SELECT = """
			SELECT id, code, name, name_en, is_leading, is_emerging, provenance, source
			FROM sector""";

	private final JdbcClient jdbc;

	SectorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Sector> findAll(Boolean leading, Boolean emerging) {
		Conditions where = Scope.none(new Conditions().and("deleted_at IS NULL"))
			.andIf(leading, "is_leading = ?")
			.andIf(emerging, "is_emerging = ?");
		return this.jdbc.sql(SELECT + where.where() + " ORDER BY sort_order, id")
			.params(where.parameters())
			.query(SectorRepository::sector)
			.list();
	}

	@Override
	public String type() {
		return "Sector";
	}

	@Override
	public List<Sector> findAllById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Conditions where = Scope.none(new Conditions().and("deleted_at IS NULL").andIn("id", ids));
		return this.jdbc.sql(SELECT + where.where())
			.params(where.parameters())
			.query(SectorRepository::sector)
			.list();
	}

	private static Sector sector(ResultSet rs, int row) throws SQLException {
		return new Sector(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				rs.getBoolean("is_leading"), rs.getBoolean("is_emerging"), Columns.provenance(rs));
	}

}
