package cn.changhe.portfolio.enterprise;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.security.Access;
import cn.changhe.portfolio.write.Writer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class EnterpriseMutations {

	private final Writer writer;

	private final EnterpriseWrites writes;

	private final EnterpriseRepository enterprises;

	EnterpriseMutations(Writer writer, EnterpriseWrites writes, EnterpriseRepository enterprises) {
		this.writer = writer;
		this.writes = writes;
		this.enterprises = enterprises;
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
		return this.writer.create(EnterpriseWrites.TABLE,
				(problems) -> new EnterpriseWrites.Values(problems.name(input.name(), true, 200, "input", "name"),
						problems.name(input.nameEn(), false, 300, "input", "nameEn"), uscc(problems, input.uscc(), null),
						sector(problems, input.sectorId()),
						problems.pastDate(input.establishedOn(), false, "input", "establishedOn")),
				this::payload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public EnterprisePayload updateEnterprise(@Argument UpdateEnterpriseInput input) {
		return this.writer.update(EnterpriseWrites.TABLE, input.id(), input.expectedVersion(), (problems, before) -> {
			EnterpriseWrites.Values was = before.values();
			return new EnterpriseWrites.Values(
					(input.name() != null) ? problems.name(input.name(), true, 200, "input", "name") : was.name(),
					(input.nameEn() != null) ? problems.name(input.nameEn(), false, 300, "input", "nameEn") : was.nameEn(),
					(input.uscc() != null) ? uscc(problems, input.uscc(), before.id()) : was.uscc(),
					(input.sectorId() != null) ? sector(problems, input.sectorId()) : was.sectorId(),
					(input.establishedOn() != null)
							? problems.pastDate(input.establishedOn(), false, "input", "establishedOn") : was.establishedOn());
		}, this::payload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public DeletePayload deleteEnterprise(@Argument DeleteInput input) {
		return this.writer.delete(EnterpriseWrites.TABLE, input.id(), input.expectedVersion(), (id, values, problems) -> {
			if (this.writes.inUse(id)) {
				problems.add(UserError.Code.INVALID,
						"The enterprise still has live projects, ledger rows or talent awards; delete them first.", "input",
						"id");
			}
		}, (id, errors) -> new DeletePayload((id != null) ? input.id() : null, errors));
	}

	private EnterprisePayload payload(Long id, List<UserError> errors) {
		return new EnterprisePayload((id != null) ? this.enterprises.findAllById(List.of(id)).get(0) : null, errors);
	}

	private String uscc(Problems problems, String uscc, Long exceptId) {
		if (uscc == null || uscc.isBlank()) {
			problems.add(UserError.Code.REQUIRED, "`input.uscc` is required.", "input", "uscc");
			return null;
		}
		String code = uscc.strip().toUpperCase(Locale.ROOT);
		if (!Uscc.isValid(code)) {
			problems.add(UserError.Code.INVALID,
					"`input.uscc` is not a unified social credit code: 18 characters of 0-9 and A-Y (no I, O, S, V, Z) with a valid GB 32100-2015 check character.",
					"input", "uscc");
			return null;
		}
		if (this.writes.usccTaken(code, exceptId)) {
			problems.add(UserError.Code.DUPLICATE, EnterpriseWrites.USCC_TAKEN, "input", "uscc");
			return null;
		}
		return code;
	}

	private Long sector(Problems problems, String sectorId) {
		return this.writer.reference(problems, sectorId, "Sector", "sector", false, "input", "sectorId");
	}

}
