package cn.changhe.portfolio.changes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import cn.changhe.portfolio.enterprise.EnterpriseRepository;
import cn.changhe.portfolio.fund.CommitmentRepository;
import cn.changhe.portfolio.fund.FundRepository;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.InvalidInput;
import cn.changhe.portfolio.graphql.ListingRepository;
import cn.changhe.portfolio.graphql.RawErrors;
import cn.changhe.portfolio.investment.InvestmentRepository;
import cn.changhe.portfolio.project.ProjectRepository;
import cn.changhe.portfolio.security.Budget;
import cn.changhe.portfolio.security.Role;
import cn.changhe.portfolio.security.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /export/{investments|projects|enterprises|funds|commitments}.{jsonl|csv}}: every record the client
 * may see (scoped as its queries are) that the field's filter finds, given by query parameters
 * ({@code ?kind=FIXED_ASSET&yearFrom=2024}, nested ones dotted: {@code reached.stage=STARTED}), as
 * one JSON object a line or as CSV (UTF-8 with a byte-order mark, a header row), gzipped when the
 * client accepts it. It is read from one snapshot and streamed, so memory stays the same however
 * many rows it holds; {@code Zone-Changes-Cursor} names the change feed's position at that snapshot,
 * where the client's copy follows on. Its rows are taken from the client's budget of cost.
 */
@RestController
class ExportController {

	/** The keys of other records, and the type whose global ids they become. */
	private static final Map<String, String> REFERENCES = Map.of("sectorId", "Sector", "enterpriseId", "Enterprise",
			"projectId", "Project", "fundId", "Fund", "investorId", "Investor", "managerId", "Investor");

	private final Map<String, Source> sources = new LinkedHashMap<>();

	private final Feed feed;

	private final TransactionTemplate snapshot;

	private final JsonMapper json;

	private final Budget budget;

	ExportController(InvestmentRepository investments, ProjectRepository projects, EnterpriseRepository enterprises,
			FundRepository funds, CommitmentRepository commitments, Feed feed, TransactionTemplate tx, JsonMapper json, Budget budget) {
		this.sources.put("investments", new Source(investments, false));
		this.sources.put("projects", new Source(projects, true));
		this.sources.put("enterprises", new Source(enterprises, false));
		this.sources.put("funds", new Source(funds, false));
		this.sources.put("commitments", new Source(commitments, false));
		this.feed = feed;
		this.snapshot = new TransactionTemplate(tx.getTransactionManager());
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.json = json;
		this.budget = budget;
	}

	/** @param staffOnly whether partners may not export it (they read no projects) */
	private record Source(ListingRepository<?, ?> repository, boolean staffOnly) {
	}

	@GetMapping("/export/{name}.{format}")
	void export(@PathVariable String name, @PathVariable String format, @RequestParam MultiValueMap<String, String> query,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Source source = this.sources.get(name);
		if (source == null || !(format.equals("jsonl") || format.equals("csv"))) {
			RawErrors.write(request, response, 404, "NOT_FOUND", "Exports are /export/{" + String.join("|", this.sources.keySet())
					+ "}.{jsonl|csv}.", Map.of());
			return;
		}
		if (Viewer.client().isEmpty()) {
			RawErrors.write(request, response, 401, "UNAUTHORIZED", "Exports are for API clients: send a bearer token.", Map.of());
			return;
		}
		if (source.staffOnly() && Viewer.client().get().role() == Role.PARTNER) {
			RawErrors.write(request, response, 403, "FORBIDDEN", "Partners do not read " + name + ".", Map.of());
			return;
		}
		Object filter;
		try {
			filter = filterOf(source.repository(), query);
		}
		catch (BindException ex) {
			String field = (ex.getFieldError() != null) ? "filter." + ex.getFieldError().getField().replaceFirst("^\\$\\.", "") : "filter";
			RawErrors.write(request, response, 400, "BAD_REQUEST", "The query parameter " + field + " is not a valid value.",
					Map.of("argument", field));
			return;
		}
		long wait = this.budget.take(1);
		if (wait > 0) {
			response.setHeader("Retry-After", Long.toString(wait));
			RawErrors.write(request, response, 429, "RATE_LIMITED", "Over the query budget: try again in " + wait + " s.",
					Map.of("retryAfter", wait));
			return;
		}
		String type = source.repository().type();
		boolean gzip = String.valueOf(request.getHeader("Accept-Encoding")).contains("gzip");
		long[] rows = { 0 };
		Rows[] sink = new Rows[1];
		Runnable read;
		try {
			read = forEach(source.repository(), filter, (row) -> {
				rows[0]++;
				sink[0].write(plain(type, row));
			});
		}
		catch (InvalidInput ex) {
			RawErrors.write(request, response, 400, "BAD_REQUEST", ex.getMessage(), Map.of("argument", ex.argument()));
			return;
		}
		try {
			this.snapshot.executeWithoutResult((status) -> {
				// the first read of the transaction: the snapshot holds every change numbered up to here
				response.setHeader("Zone-Changes-Cursor", Feed.cursor(this.feed.end()));
				response.setContentType(format.equals("csv") ? "text/csv;charset=UTF-8" : "application/jsonl;charset=UTF-8");
				response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
				response.setHeader("Cache-Control", "no-store");
				if (gzip) {
					response.setHeader("Content-Encoding", "gzip");
				}
				try (OutputStream raw = response.getOutputStream();
						OutputStream out = gzip ? new GZIPOutputStream(raw, 65536) : raw;
						Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536)) {
					sink[0] = format.equals("csv") ? new Csv(writer) : new Jsonl(writer);
					read.run();
					sink[0].end();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		finally {
			this.budget.charge(rows[0] - 1); // its rows, less the one taken to start
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object filterOf(ListingRepository repository, MultiValueMap<String, String> query) throws BindException {
		Map<String, Object> arguments = new LinkedHashMap<>();
		query.forEach((key, values) -> {
			Map<String, Object> at = arguments;
			String[] path = key.split("\\.");
			for (int i = 0; i < path.length - 1; i++) {
				at = (Map<String, Object>) at.computeIfAbsent(path[i], (k) -> new LinkedHashMap<>());
			}
			List<String> all = new ArrayList<>();
			values.forEach((value) -> all.addAll(List.of(value.split(","))));
			at.put(path[path.length - 1], (all.size() == 1) ? all.get(0) : all);
		});
		return repository.filter(arguments);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Runnable forEach(ListingRepository repository, Object filter, java.util.function.Consumer<Object> each) {
		return repository.forEach(filter, each);
	}

	/**
	 * The record as a client reads it: its own id and its references as global ids, the components of
	 * a nested record flattened with dots (all of them, null where the nested record is null, so that
	 * every row has the same columns).
	 */
	private static Map<String, Object> plain(String type, Object row) {
		Map<String, Object> plain = new LinkedHashMap<>();
		for (RecordComponent component : row.getClass().getRecordComponents()) {
			String key = component.getName();
			Object value = read(component, row);
			if (key.equals("id")) {
				plain.put("id", GlobalId.encode(type, ((Number) value).longValue()));
			}
			else if (REFERENCES.containsKey(key)) {
				plain.put(key, (value != null) ? GlobalId.encode(REFERENCES.get(key), ((Number) value).longValue()) : null);
			}
			else if (component.getType().isRecord()) {
				for (RecordComponent part : component.getType().getRecordComponents()) {
					plain.put(key + "." + part.getName(), (value != null) ? read(part, value) : null);
				}
			}
			else {
				plain.put(key, value);
			}
		}
		return plain;
	}

	private static Object read(RecordComponent component, Object record) {
		try {
			Method accessor = component.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private interface Rows {

		void write(Map<String, Object> row);

		void end() throws IOException;

	}

	private final class Jsonl implements Rows {

		private final Writer out;

		Jsonl(Writer out) {
			this.out = out;
		}

		@Override
		public void write(Map<String, Object> row) {
			try {
				this.out.write(ExportController.this.json.writeValueAsString(row));
				this.out.write('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void end() throws IOException {
			this.out.flush();
		}

	}

	private static final class Csv implements Rows {

		private final Writer out;

		private List<String> columns;

		Csv(Writer out) throws IOException {
			this.out = out;
			out.write('\uFEFF');
		}

		@Override
		public void write(Map<String, Object> row) {
			try {
				if (this.columns == null) {
					this.columns = List.copyOf(row.keySet());
					line(this.columns);
				}
				List<String> cells = new ArrayList<>(this.columns.size());
				for (String column : this.columns) {
					Object value = row.get(column);
					cells.add((value instanceof java.math.BigDecimal decimal) ? decimal.toPlainString()
							: (value != null) ? value.toString() : "");
				}
				line(cells);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void line(List<String> cells) throws IOException {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					this.out.write(',');
				}
				String cell = cells.get(i);
				this.out.write(cell.matches("(?s).*[\",\r\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
			}
			this.out.write("\r\n");
		}

		@Override
		public void end() throws IOException {
			this.out.flush();
		}

	}

}
