package cn.changhe.portfolio.security;

import cn.changhe.portfolio.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heavy operations take turns: while every turn is taken, a heavy operation waits and is then told
 * the service is busy, a light one runs at once; a finished operation gives its turn back. (One
 * turn, a cost of 500 for heavy and a wait of 300 ms, on a context of its own.)
 */
@TestPropertySource(properties = { "zone.limits.heavy-cost=500", "zone.limits.heavy-concurrency=1",
		"zone.limits.heavy-wait=300ms" })
class AdmissionTest extends ApiTest {

	// language=GraphQL: costs 100 enterprises times (1 + 2 projects), over 500
	private static final String HEAVY = "{ enterprises(first: 100) { nodes { name projects(first: 2) { nodes { name } } } } }";

	// language=GraphQL
	private static final String LIGHT = "{ sectors { code } }";

	@Autowired
	private Admission admission;

	@Test
	void heavyOperationsRunOneAfterAnother() {
		for (int i = 0; i < 3; i++) {
			// had a turn not been given back, the second would be refused
			this.graphQl.document(HEAVY).execute().errors().verify().path("enterprises.nodes").entityList(Object.class)
				.hasSizeGreaterThan(0);
		}
	}

	@Test
	void aHeavyOperationIsRefusedWhenNoTurnComesInTimeAndALightOneIsNot() {
		Admission.Ticket holder = this.admission.ticket();
		this.admission.admit(holder, Long.MAX_VALUE);
		try {
			this.graphQl.document(HEAVY).execute().errors().satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BUSY");
				assertThat(errors.get(0).getMessage()).contains("busy");
				assertThat(errors.get(0).getExtensions()).containsEntry("retryAfter", 1);
			});
			this.graphQl.document(LIGHT).execute().errors().verify().path("sectors").entityList(Object.class)
				.hasSizeGreaterThan(0);
		}
		finally {
			holder.close();
		}
		this.graphQl.document(HEAVY).execute().errors().verify();
	}

}
