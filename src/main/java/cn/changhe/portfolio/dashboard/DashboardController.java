package cn.changhe.portfolio.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import cn.changhe.portfolio.graphql.RegisteredDocuments;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The zone's dashboard, a single-page app at {@code /}: each of its routes answers the same page,
 * so that every route loads directly and on reload, and the page asks the API only for the
 * registered documents of {@code schema/dashboard/}, by their hashes, over GET.
 * {@code zone.dashboard.enabled=false} leaves it out of an API-only deployment.
 */
@Controller
@ConditionalOnBooleanProperty(name = "zone.dashboard.enabled", matchIfMissing = true)
class DashboardController {

	static final String DOCUMENTS = "classpath*:graphql/dashboard/*.graphql";

	private static final Resource PAGE = new ClassPathResource("dashboard/index.html");

	private final Map<String, String> documents = new TreeMap<>();

	DashboardController(ResourcePatternResolver resources) {
		try {
			for (Resource resource : resources.getResources(DOCUMENTS)) {
				String name = resource.getFilename().replace(".graphql", "");
				this.documents.put(name, RegisteredDocuments.sha256(resource.getContentAsString(StandardCharsets.UTF_8)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The dashboard's documents could not be read", ex);
		}
	}

	@GetMapping({ "/", "/investment", "/funds", "/projects", "/projects/{id}", "/enterprises", "/enterprises/{id}",
			"/talent" })
	ResponseEntity<Resource> page() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
			.cacheControl(CacheControl.noCache())
			.body(PAGE);
	}

	/** Each document's operation name and the hash the page sends instead of its text. */
	@GetMapping(path = "/dashboard/documents.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> documents() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(this.documents);
	}

}
