package cn.changhe.portfolio.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import cn.changhe.portfolio.security.Tokens;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The demo's API clients, one per role and one per named partner investor, with the tokens the
 * contract's README lists. They exist only where the demo dataset is loaded.
 */
public class V2__DemoClients extends BaseJavaMigration {

	private static final String[][] CLIENTS = { { "demo-admin", "ADMIN", null }, { "demo-editor", "EDITOR", null },
			{ "demo-analyst", "ANALYST", null }, { "demo-partner-addor", "PARTNER", "毅达资本" },
			{ "demo-partner-zheshang", "PARTNER", "浙商创投" }, { "demo-partner-cicc", "PARTNER", "中金资本" } };

	public V2__DemoClients() {
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		Timestamp now = Timestamp.valueOf(LocalDateTime.of(2025, 1, 15, 0, 0));
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO api_client (name, role, investor_id, token_hash, created_at, updated_at, version)
				VALUES (?, ?, ?, ?, ?, ?, 0)""")) {
			for (String[] client : CLIENTS) {
				insert.setString(1, client[0]);
				insert.setString(2, client[1]);
				if (client[2] != null) {
					insert.setLong(3, investor(connection, client[2]));
				}
				else {
					insert.setNull(3, java.sql.Types.BIGINT);
				}
				// The demo token is the client's name.
				insert.setString(4, Tokens.hash(client[0]));
				insert.setTimestamp(5, now);
				insert.setTimestamp(6, now);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static long investor(Connection connection, String name) throws Exception {
		try (PreparedStatement select = connection.prepareStatement("SELECT id FROM investor WHERE name = ?")) {
			select.setString(1, name);
			try (ResultSet rs = select.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("The demo dataset has no investor " + name);
				}
				return rs.getLong(1);
			}
		}
	}

}
