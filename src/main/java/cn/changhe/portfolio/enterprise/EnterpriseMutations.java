package cn.changhe.portfolio.enterprise;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changhe.portfolio.audit.Actor;
import cn.changhe.portfolio.audit.Audit;
import cn.changhe.portfolio.audit.Changes;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.Payloads;
import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.graphql.Versions;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

@Controller
class EnterpriseMutations {

	private final EnterpriseWrites writes;

	private final EnterpriseRepository enterprises;

	private final Audit audit;

	private final Actor actor;

	private final TransactionTemplate tx;

	EnterpriseMutations(EnterpriseWrites writes, EnterpriseRepository enterprises, Audit audit, Actor actor,
			TransactionTemplate tx) {
		this.writes = writes;
		this.enterprises = enterprises;
		this.audit = audit;
		this.actor = actor;
		this.tx = tx;
	}

	record CreateEnterpriseInput(String name, String nameEn, String uscc, String sectorId, LocalDate establishedOn) {
	}

	record UpdateEnterpriseInput(String id, Long expectedVersion, String name, String nameEn, String uscc,
			String sectorId, LocalDate establishedOn) {
	}

	record DeleteInput(String id, Long expectedVersion) {
	}

	record EnterprisePayload(Enterprise enterprise, List<UserError> userErrors) {
	}

	record DeletePayload(String deletedId, List<UserError> userErrors) {
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public EnterprisePayload createEnterprise(@Argument CreateEnterpriseInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", problems.name(input.name(), true, 200, "input", "name"));
			fields.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			fields.put("uscc", uscc(problems, input.uscc(), null));
			fields.put("sectorId", sector(problems, input.sectorId()));
			fields.put("establishedOn", problems.pastDate(input.establishedOn(), false, "input", "establishedOn"));
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			long id;
			try {
				id = this.writes.insert(fields, "API: " + this.actor.current(), now);
			}
			catch (DuplicateKeyException ex) {
				problems.add(UserError.Code.DUPLICATE, "Another enterprise has this unified social credit code.", "input", "uscc");
				return null;
			}
			this.audit.record("Enterprise", id, "CREATE", Changes.created(fields), now);
			return new EnterprisePayload(find(id), List.of());
		}, (problems) -> new EnterprisePayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public EnterprisePayload updateEnterprise(@Argument UpdateEnterpriseInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = problems.key(input.id(), "Enterprise", true, "input", "id")
				.flatMap((id) -> problems.found(this.writes.lock(id), "Enterprise", "input", "id"));
			if (current.isEmpty() || !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "Enterprise", "input.id");
			Map<String, Object> before = current.get();
			Map<String, Object> after = new LinkedHashMap<>(before);
			after.remove("version");
			if (input.name() != null) {
				after.put("name", problems.name(input.name(), true, 200, "input", "name"));
			}
			if (input.nameEn() != null) {
				after.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			}
			if (input.uscc() != null) {
				after.put("uscc", uscc(problems, input.uscc(), id));
			}
			if (input.sectorId() != null) {
				after.put("sectorId", sector(problems, input.sectorId()));
			}
			if (input.establishedOn() != null) {
				after.put("establishedOn", problems.pastDate(input.establishedOn(), false, "input", "establishedOn"));
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			try {
				this.writes.update(id, after, (Long) before.get("version"), now);
			}
			catch (DuplicateKeyException ex) {
				problems.add(UserError.Code.DUPLICATE, "Another enterprise has this unified social credit code.", "input", "uscc");
				return null;
			}
			this.audit.record("Enterprise", id, "UPDATE", Changes.between(before, after), now);
			return new EnterprisePayload(find(id), List.of());
		}, (problems) -> new EnterprisePayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public DeletePayload deleteEnterprise(@Argument DeleteInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = problems.key(input.id(), "Enterprise", true, "input", "id")
				.flatMap((id) -> problems.found(this.writes.lock(id), "Enterprise", "input", "id"));
			if (current.isEmpty() || !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "Enterprise", "input.id");
			if (this.writes.inUse(id)) {
				problems.add(UserError.Code.INVALID, "The enterprise still has live projects, ledger rows or talent awards; delete them first.",
						"input", "id");
				return null;
			}
			LocalDateTime now = Audit.now();
			this.writes.delete(id, now);
			this.audit.record("Enterprise", id, "DELETE", new Changes().field("deletedAt", null, now), now);
			return new DeletePayload(input.id(), List.of());
		}, (problems) -> new DeletePayload(null, problems.errors()));
	}

	private String uscc(Problems problems, String uscc, Long exceptId) {
		if (uscc == null || uscc.isBlank()) {
			problems.add(UserError.Code.REQUIRED, "`input.uscc` is required.", "input", "uscc");
			return null;
		}
		String code = uscc.strip().toUpperCase(java.util.Locale.ROOT);
		if (!Uscc.isValid(code)) {
			problems.add(UserError.Code.INVALID,
					"`input.uscc` is not a unified social credit code: 18 characters of 0-9 and A-Y (no I, O, S, V, Z) with a valid GB 32100-2015 check character.",
					"input", "uscc");
			return null;
		}
		if (this.writes.usccTaken(code, exceptId)) {
			problems.add(UserError.Code.DUPLICATE, "Another enterprise has this unified social credit code.", "input", "uscc");
			return null;
		}
		return code;
	}

	private Long sector(Problems problems, String sectorId) {
		return problems.key(sectorId, "Sector", false, "input", "sectorId")
			.flatMap((id) -> problems.found(this.writes.sectorExists(id) ? Optional.of(id) : Optional.empty(), "Sector",
					"input", "sectorId"))
			.orElse(null);
	}

	private static boolean versionMatches(Problems problems, Map<String, Object> current, Long expected) {
		return Versions.matches(problems, (Long) current.get("version"), expected);
	}

	private Enterprise find(long id) {
		return this.enterprises.findAllById(List.of(id)).get(0);
	}

}
