package cn.changhe.portfolio.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.NodeLookup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApiClientRepository implements NodeLookup {

	private static final String COLUMNS = "SELECT id, name, role, investor_id, created_at, revoked_at, version FROM api_client";

	private final JdbcClient jdbc;

	ApiClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "ApiClient";
	}

	/** Clients are for administrators' eyes only, whichever way they are asked for. */
	@Override
	public List<ApiClient> findAllById(Collection<Long> ids) {
		boolean admin = Viewer.client().filter((c) -> c.role() == Role.ADMIN).isPresent();
		if (!admin || ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(COLUMNS + " WHERE id IN (:ids)").param("ids", ids).query(ApiClientRepository::client).list();
	}

	List<ApiClient> all() {
		return this.jdbc.sql(COLUMNS + " ORDER BY id").query(ApiClientRepository::client).list();
	}

	Optional<ApiClient> lock(long id) {
		return this.jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query(ApiClientRepository::client).optional();
	}

	boolean nameTaken(String name) {
		return this.jdbc.sql("SELECT COUNT(*) FROM api_client WHERE name = ?").param(name).query(Long.class).single() > 0;
	}

	boolean investorExists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM investor WHERE id = ? AND deleted_at IS NULL").param(id).query(Long.class).single() > 0;
	}

	long insert(String name, Role role, Long investorId, String tokenHash, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO api_client (name, role, investor_id, token_hash, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, 0)""")
			.params(name, role.name(), investorId, tokenHash, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void revoke(long id, LocalDateTime now) {
		this.jdbc.sql("UPDATE api_client SET revoked_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(now, now, id)
			.update();
	}

	private static ApiClient client(ResultSet rs, int row) throws SQLException {
		long investor = rs.getLong("investor_id");
		return new ApiClient(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
				rs.wasNull() ? null : investor, Columns.utc(rs, "created_at"), Columns.utc(rs, "revoked_at"),
				rs.getLong("version"));
	}

}
