package cn.changhe.portfolio.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The GraphiQL explorer at /graphiql, with its scripts served from this service's jar, opening
 * with an example operation from the project's schema folder.
 */
@Controller
@ConditionalOnBooleanProperty(name = "zone.graphiql.enabled", matchIfMissing = true)
class GraphiQlController {

	private static final MediaType GRAPHQL = MediaType.parseMediaType("application/graphql;charset=UTF-8");

	@GetMapping("/graphiql")
	ResponseEntity<Resource> page() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
			.body(new ClassPathResource("graphiql/index.html"));
	}

	@GetMapping("/graphiql/example.graphql")
	ResponseEntity<Resource> example() {
		return ResponseEntity.ok().contentType(GRAPHQL).body(new ClassPathResource("graphql/examples/welcome.graphql"));
	}

}
