package cn.changhe.portfolio.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A table the dashboard shows, as an Excel workbook: one sheet, the header row, then the rows,
 * written by POI's streaming workbook (a window of 100 rows in memory, the rest on disk until
 * sent). A cell that is a plain decimal an Excel number holds exactly is a number; any other is text,
 * so that no figure is rounded on the way (an amount of 16 digits stays text, to the 分).
 */
@RestController
@ConditionalOnBooleanProperty(name = "zone.dashboard.enabled", matchIfMissing = true)
class TableExport {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");

	private static final int MAX_ROWS = 20_000;

	private static final int MAX_COLUMNS = 50;

	private static final int MAX_BYTES = 8_000_000;

	/**
	 * @param title the sheet's name and the file's
	 * @param columns the header row
	 * @param rows the cells, as the table shows them (without grouping separators)
	 */
	record Table(String title, List<String> columns, List<List<String>> rows) {
	}

	private final JsonMapper json;

	TableExport(JsonMapper json) {
		this.json = json;
	}

	@PostMapping(path = "/dashboard/export.xlsx", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<StreamingResponseBody> xlsx(HttpServletRequest request) throws IOException {
		// read at most what a table of the largest size takes, whatever the client sends
		byte[] sent = request.getInputStream().readNBytes(MAX_BYTES + 1);
		if (sent.length > MAX_BYTES) {
			return refuse(HttpStatus.CONTENT_TOO_LARGE, "A table to export is at most " + MAX_BYTES / 1_000_000 + " MB.");
		}
		Table table;
		try {
			table = this.json.readValue(sent, Table.class);
		}
		catch (JacksonException ex) {
			return refuse(HttpStatus.BAD_REQUEST, "The body is not a table: { title, columns: [...], rows: [[...]] }.");
		}
		String refused = refused(table);
		if (refused != null) {
			return refuse(HttpStatus.BAD_REQUEST, refused);
		}
		String title = table.title().replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
		StreamingResponseBody body = (out) -> {
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
				Sheet sheet = workbook.createSheet(title.isEmpty() ? "table" : title.substring(0, Math.min(31, title.length())));
				write(sheet.createRow(0), table.columns());
				for (int i = 0; i < table.rows().size(); i++) {
					write(sheet.createRow(i + 1), table.rows().get(i));
				}
				workbook.write(out);
			}
		};
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header("Content-Disposition",
					ContentDisposition.attachment().filename(title + ".xlsx", StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	private static ResponseEntity<StreamingResponseBody> refuse(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body((out) -> out.write(message.getBytes(StandardCharsets.UTF_8)));
	}

	private static String refused(Table table) {
		if (table == null || table.title() == null || table.columns() == null || table.rows() == null) {
			return "A table has a title, columns and rows.";
		}
		if (table.columns().size() > MAX_COLUMNS || table.rows().size() > MAX_ROWS || table.title().length() > 100) {
			return "At most " + MAX_COLUMNS + " columns and " + MAX_ROWS + " rows, and a title of 100 characters.";
		}
		for (List<String> row : table.rows()) {
			if (row == null || row.size() != table.columns().size()) {
				return "Every row has one cell for each column.";
			}
		}
		return null;
	}

	private static void write(Row row, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			Cell cell = row.createCell(i);
			String text = (cells.get(i) != null) ? cells.get(i) : "";
			BigDecimal number = DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
			if (number != null && new BigDecimal(Double.toString(number.doubleValue())).compareTo(number) == 0) {
				cell.setCellValue(number.doubleValue());
			}
			else {
				cell.setCellValue(text);
			}
		}
	}

}
