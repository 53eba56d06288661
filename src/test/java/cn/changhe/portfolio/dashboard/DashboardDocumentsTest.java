package cn.changhe.portfolio.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import cn.changhe.portfolio.ApiTest;
import cn.changhe.portfolio.graphql.RegisteredDocuments;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.validation.Validator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard asks the API only through the documents of {@code schema/dashboard}: each is valid
 * against the schema, is named for its one operation, and is registered under the hash the page
 * gets from {@code /dashboard/documents.json}, so that the page's GET with the hash alone works.
 */
class DashboardDocumentsTest extends ApiTest {

	@Autowired
	private GraphQlSource graphQlSource;

	@Test
	void everyDocumentIsValidNamedAndRegisteredUnderItsHash() throws IOException {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.list(Path.of("schema/dashboard"))) {
			for (Path path : paths.filter((p) -> p.toString().endsWith(".graphql")).toList()) {
				files.put(path.getFileName().toString().replace(".graphql", ""), Files.readString(path, StandardCharsets.UTF_8));
			}
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(12);
		Map<?, ?> published = this.http.get()
			.uri("/dashboard/documents.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(published.keySet().stream().map(Object::toString).toList()).containsExactlyInAnyOrderElementsOf(files.keySet());
		for (Map.Entry<String, String> file : files.entrySet()) {
			var document = Parser.parse(file.getValue());
			assertThat(new Validator().validateDocument(this.graphQlSource.schema(), document, Locale.ENGLISH))
				.as(file.getKey())
				.isEmpty();
			assertThat(document.getDefinitionsOfType(OperationDefinition.class)).as(file.getKey())
				.singleElement()
				.extracting(OperationDefinition::getName)
				.isEqualTo(file.getKey());
			assertThat(published.get(file.getKey())).isEqualTo(RegisteredDocuments.sha256(file.getValue()));
		}
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + published.get("DashboardViewer") + "\"}}";
		this.http.get()
			.uri((uri) -> uri.path("/graphql")
				.queryParam("operationName", "DashboardViewer")
				.queryParam("extensions", "{extensions}")
				.build(Map.of("extensions", extensions)))
			.header("Authorization", "Bearer demo-analyst")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.viewer.role")
			.isEqualTo("ANALYST");
	}

	@Test
	void theExportRefusesWhatIsNotATableOfItsSizeWithAReason() {
		String[][] cases = { { "not json", "400", "not a table" },
				{ "{\"title\":\"t\",\"columns\":[\"a\"],\"rows\":[[\"1\",\"2\"]]}", "400", "one cell for each column" },
				{ "{\"title\":\"t\",\"columns\":[\"a\"],\"rows\":[[\"" + "x".repeat(9_000_000) + "\"]]}", "413", "at most 8 MB" } };
		for (String[] refused : cases) {
			String answer = this.http.post()
				.uri("/dashboard/export.xlsx")
				.header("Content-Type", "application/json")
				.bodyValue(refused[0])
				.exchange()
				.expectStatus()
				.isEqualTo(Integer.parseInt(refused[1]))
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(answer).contains(refused[2]);
		}
		byte[] workbook = this.http.post()
			.uri("/dashboard/export.xlsx")
			.header("Content-Type", "application/json")
			.bodyValue("{\"title\":\"按年份\",\"columns\":[\"年份\",\"金额\"],\"rows\":[[\"2024\",\"9999999999999999.99\"]]}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
			var row = book.getSheetAt(0).getRow(1);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(2024);
			assertThat(row.getCell(1).getStringCellValue()).as("an amount a double cannot hold stays text, to the 分")
				.isEqualTo("9999999999999999.99");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
