package cn.changhe.portfolio.security;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation that runs past the time limit is stopped and answered with an error, not left to
 * hold a thread and a connection. (A limit of a millisecond, on a context of its own.)
 */
@TestPropertySource(properties = "zone.limits.timeout=1ms")
class TimeLimitTest extends ApiTest {

	@Test
	void anOperationPastTheTimeLimitIsStopped() {
		refused(this.graphQl, "{ enterprises(first: 100) { nodes { name projects(first: 10) { nodes { name milestones { stage } } } } } }",
				(errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getMessage()).contains("longer than");
			});
	}

}
