package cn.changhe.portfolio.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL is served whole by the service, so that it works on a closed network.
 */
class GraphiQlTest extends ApiTest {

	@Test
	void theExplorerLoadsNothingFromOutsideTheService() {
		String page = text("/graphiql", null);
		assertThat(page).doesNotContain("http://", "https://", "//cdn", "unpkg", "esm.sh", "jsdelivr");
		List<String> assets = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}
		assertThat(assets).hasSize(5);
		for (String asset : assets) {
			this.http.get().uri("/" + asset).exchange().expectStatus().isOk();
		}
	}

	@Test
	void theExplorerOpensWithAnExampleFromTheSchemaFolderThatRuns() {
		String example = text("/graphiql/example.graphql", null);
		assertThat(example).contains("query Pipeline2024");
		var response = this.graphQl.document(example).execute();
		response.path("registered.totalCount").entity(Integer.class).isEqualTo(18);
		response.path("largest.nodes").entityList(Object.class).hasSizeGreaterThan(0);
	}

	@Test
	void inTheDemoTheExplorerSendsTheDemoAnalystsToken() {
		this.http.get()
			.uri("/graphiql/config.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers.Authorization")
			.isEqualTo("Bearer demo-analyst");
	}

	@Test
	void theGraphiQlLicencesAreServedWithTheAssets() {
		this.http.get().uri("/webjars/graphiql/2.4.7/LICENSE").exchange().expectStatus().isOk();
		this.http.get().uri("/webjars/react/18.3.1/LICENSE").exchange().expectStatus().isOk();
		this.http.get().uri("/webjars/react-dom/18.3.1/LICENSE").exchange().expectStatus().isOk();
	}

}
