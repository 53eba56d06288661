package cn.changhe.portfolio.security;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changhe.portfolio.audit.Audit;
import cn.changhe.portfolio.audit.Changes;
import cn.changhe.portfolio.fund.Investor;
import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.Payloads;
import cn.changhe.portfolio.graphql.UserError;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administrators issue and revoke API clients; every client can see who it is.
 */
@Controller
class ApiClientController implements RuntimeWiringConfigurer {

	private final ApiClientRepository clients;

	private final Audit audit;

	private final TransactionTemplate tx;

	private final ClientTokens tokens;

	ApiClientController(ApiClientRepository clients, Audit audit, TransactionTemplate tx, ClientTokens tokens) {
		this.clients = clients;
		this.tokens = tokens;
		this.audit = audit;
		this.tx = tx;
	}

	record CreateApiClientInput(String name, Role role, String investorId) {
	}

	record RevokeApiClientInput(String id) {
	}

	record CreateApiClientPayload(ApiClient client, String token, List<UserError> userErrors) {
	}

	record RevokeApiClientPayload(ApiClient client, List<UserError> userErrors) {
	}

	@QueryMapping
	@PreAuthorize(Access.ADMIN)
	public List<ApiClient> apiClients() {
		return this.clients.all();
	}

	@QueryMapping
	public Viewer.Identity viewer() {
		return Viewer.client().map((c) -> new Viewer.Identity(c.name(), c.role())).orElse(null);
	}

	@MutationMapping
	@PreAuthorize(Access.ADMIN)
	public CreateApiClientPayload createApiClient(@Argument CreateApiClientInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			String name = problems.name(input.name(), true, 100, "input", "name");
			if (name != null && this.clients.nameTaken(name)) {
				problems.add(UserError.Code.DUPLICATE, "Another client has this name.", "input", "name");
			}
			if (problems.absent(input.role(), true, "input", "role")) {
				return null;
			}
			Optional<Long> investor = problems.key(input.investorId(), "Investor", input.role() == Role.PARTNER, "input",
					"investorId");
			if (input.role() != Role.PARTNER && input.investorId() != null) {
				problems.add(UserError.Code.INVALID, "Only a PARTNER is bound to an investor.", "input", "investorId");
			}
			investor.ifPresent((id) -> problems.found(this.clients.investorExists(id) ? Optional.of(id) : Optional.empty(),
					"Investor", "input", "investorId"));
			if (problems.any()) {
				return null;
			}
			String token = Tokens.issue();
			LocalDateTime now = Audit.now();
			long id = this.clients.insert(name, input.role(), investor.orElse(null), Tokens.hash(token), now);
			this.audit.record("ApiClient", id, "CREATE", Changes.created(Map.of("name", name, "role", input.role().name(),
					"investorId", investor.map(String::valueOf).orElse(""))), now);
			return new CreateApiClientPayload(this.clients.lock(id).orElseThrow(), token, List.of());
		}, (problems) -> new CreateApiClientPayload(null, null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.ADMIN)
	public RevokeApiClientPayload revokeApiClient(@Argument RevokeApiClientInput input) {
		RevokeApiClientPayload revoked = Payloads.transaction(this.tx, (problems) -> {
			Optional<ApiClient> client = problems.key(input.id(), "ApiClient", true, "input", "id")
				.flatMap((id) -> problems.found(this.clients.lock(id), "ApiClient", "input", "id"));
			if (client.isEmpty()) {
				return null;
			}
			if (client.get().revokedAt() != null) {
				problems.add(UserError.Code.INVALID, "The client was revoked already.", "input", "id");
				return null;
			}
			LocalDateTime now = Audit.now();
			this.clients.revoke(client.get().id(), now);
			this.audit.record("ApiClient", client.get().id(), "REVOKE", new Changes().field("revokedAt", null, now), now);
			return new RevokeApiClientPayload(this.clients.lock(client.get().id()).orElseThrow(), List.of());
		}, (problems) -> new RevokeApiClientPayload(null, problems.errors()));
		if (revoked.client() != null) {
			this.tokens.forget(); // committed: this instance refuses the token from the next request on
		}
		return revoked;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("ApiClient", (type) -> type.dataFetcher("investor", ByKey.one("Investor", ApiClient::investorId)));
	}

}
