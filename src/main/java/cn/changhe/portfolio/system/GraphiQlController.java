package cn.changhe.portfolio.system;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The GraphiQL explorer at /graphiql, with its scripts served from this service's jar, opening
 * with an example operation from the project's schema folder.
 */
@Controller
@ConditionalOnBooleanProperty(name = "zone.graphiql.enabled", matchIfMissing = true)
class GraphiQlController {

	private static final MediaType GRAPHQL = MediaType.parseMediaType("application/graphql;charset=UTF-8");

	private final boolean demo;

	GraphiQlController(Environment environment) {
		this.demo = environment.getProperty("zone.demo-data", Boolean.class, false);
	}

	@GetMapping("/graphiql")
	ResponseEntity<Resource> page() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
			.body(new ClassPathResource("graphiql/index.html"));
	}

	/** In the demo, the explorer sends the demo analyst's token, so that a new user can run the example at once. */
	@GetMapping(path = "/graphiql/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> config() {
		return this.demo ? Map.of("headers", Map.of("Authorization", "Bearer demo-analyst")) : Map.of("headers", Map.of());
	}

	@GetMapping("/graphiql/example.graphql")
	ResponseEntity<Resource> example() {
		return ResponseEntity.ok().contentType(GRAPHQL).body(new ClassPathResource("graphql/examples/welcome.graphql"));
	}

}
