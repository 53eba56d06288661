package cn.changhe.portfolio.sector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changhe.portfolio.graphql.Columns;
import cn.changhe.portfolio.graphql.Conditions;
import cn.changhe.portfolio.graphql.NodeLookup;

import cn.changhe.portfolio.security.Scope;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sectors. By id they are read from a copy of the live sectors kept in memory: a dozen rows of
 * reference data that only migrations and data loads write, asked for by every group of a summary
 * and every row that shows its sector. The copy is read again when asked for an id it does not
 * hold (a sector added since) and when it is older than {@code zone.sectors.max-age} (one edited
 * in the database shows within that time). Who may see sectors is decided on every call.
 */
@Repository
public class SectorRepository implements NodeLookup {

	private static final String COLUMNS = "SELECT id, code, name, name_en, is_leading, is_emerging, provenance, source";

	private static final String SELECT = COLUMNS + " FROM sector";

	private final JdbcClient jdbc;

	private final long maxAgeNanos;

	private volatile Kept kept;

	SectorRepository(JdbcClient jdbc, @Value("${zone.sectors.max-age:60s}") Duration maxAge) {
		this.jdbc = jdbc;
		this.maxAgeNanos = maxAge.toNanos();
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

	/** The live sectors with these ids, for a viewer who may see sectors (as {@link Scope#none}). */
	@Override
	public List<Sector> findAllById(Collection<Long> ids) {
		if (ids.isEmpty() || !Scope.unrestricted()) {
			return List.of();
		}
		Map<Long, Sector> live = live(ids);
		List<Sector> found = new ArrayList<>();
		for (Long id : new LinkedHashSet<>(ids)) {
			Sector sector = live.get(id);
			if (sector != null) {
				found.add(sector);
			}
		}
		return found;
	}

	/**
	 * The live sectors by id, read again where the copy is too old or does not know one of these ids
	 * (deleted sectors are known, so that rows still pointing at one do not read the table each time).
	 */
	private Map<Long, Sector> live(Collection<Long> ids) {
		Kept kept = this.kept;
		long now = System.nanoTime();
		if (kept == null || now - kept.readAt() > this.maxAgeNanos || !kept.known().containsAll(ids)) {
			Map<Long, Sector> live = new HashMap<>();
			Set<Long> known = new HashSet<>();
			this.jdbc.sql(COLUMNS + ", deleted_at FROM sector").query((ResultSet rs) -> {
				Sector sector = sector(rs, 0);
				known.add(sector.id());
				if (rs.getObject("deleted_at") == null) {
					live.put(sector.id(), sector);
				}
			});
			kept = new Kept(Map.copyOf(live), Set.copyOf(known), now);
			this.kept = kept;
		}
		return kept.live();
	}

	/** The live sectors by id and the ids of all sectors, deleted ones too, as read at a moment ({@link System#nanoTime}). */
	private record Kept(Map<Long, Sector> live, Set<Long> known, long readAt) {
	}

	private static Sector sector(ResultSet rs, int row) throws SQLException {
		return new Sector(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				rs.getBoolean("is_leading"), rs.getBoolean("is_emerging"), Columns.provenance(rs));
	}

}
