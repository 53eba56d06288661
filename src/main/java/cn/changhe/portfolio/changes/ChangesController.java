package cn.changhe.portfolio.changes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.graphql.Connection.PageInfo;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.InvalidInput;
import cn.changhe.portfolio.graphql.NodeLookups;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.security.Access;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code changes(first, after)}: a page of the {@link Feed}, each change with the record as it is
 * now (null once it is deleted, or out of the viewer's sight).
 */
@Controller
class ChangesController {

	private static final int MAX_FIRST = 1000;

	private final Feed feed;

	private final NodeLookups lookups;

	ChangesController(Feed feed, NodeLookups lookups) {
		this.feed = feed;
		this.lookups = lookups;
	}

	record Change(String action, String entityId, OffsetDateTime at, Object node) {
	}

	record ChangeEdge(String cursor, Change node) {
	}

	/** A page of the feed (named so that Spring passes it through as a connection); its total is counted only if asked for. */
	record ChangeConnection(List<Change> nodes, List<ChangeEdge> edges, PageInfo pageInfo, Long totalCount) {
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public ChangeConnection changes(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		int size = (first != null) ? first : 100;
		if (size < 0 || size > MAX_FIRST) {
			throw new InvalidInput("first", "`first` must be between 0 and " + MAX_FIRST + ".");
		}
		long from = (after != null) ? Feed.position(after, "after") : 0;
		List<Feed.Entry> rows = this.feed.after(from, null, size + 1);
		boolean more = rows.size() > size;
		List<Feed.Entry> page = more ? rows.subList(0, size) : rows;
		Map<String, Map<Long, Identified>> now = records(page);
		List<ChangeEdge> edges = new ArrayList<>(page.size());
		for (Feed.Entry row : page) {
			Change change = new Change(row.action(), GlobalId.encode(row.type(), row.key()), row.at().atOffset(ZoneOffset.UTC),
					now.get(row.type()).get(row.key()));
			edges.add(new ChangeEdge(row.cursor(), change));
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? after : edges.get(edges.size() - 1).cursor();
		Long total = Selections.asks(env, "totalCount") ? this.feed.count(from) : null;
		return new ChangeConnection(edges.stream().map(ChangeEdge::node).toList(), edges,
				new PageInfo(more, after != null, start, end), total);
	}

	/** The records of the page as they are now, by type and key, as the viewer may see them. */
	private Map<String, Map<Long, Identified>> records(List<Feed.Entry> page) {
		Map<String, List<Long>> keys = new HashMap<>();
		for (Feed.Entry row : page) {
			keys.computeIfAbsent(row.type(), (type) -> new ArrayList<>()).add(row.key());
		}
		Map<String, Map<Long, Identified>> records = new HashMap<>();
		keys.forEach((type, ids) -> {
			Map<Long, Identified> found = new HashMap<>();
			for (Identified record : this.lookups.of(type).findAllById(ids.stream().distinct().toList())) {
				found.put(record.id(), record);
			}
			records.put(type, found);
		});
		return records;
	}

}
