package cn.changhe.portfolio.enterprise;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.security.Access;
import cn.changhe.portfolio.write.Refers;
import cn.changhe.portfolio.write.Table;
import cn.changhe.portfolio.write.Writer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class EnterpriseMutations {

	private static final String USCC_TAKEN = "Another enterprise has this unified social credit code.";

	/** An enterprise's writable columns. */
	record Values(String name, String nameEn, String uscc, @Refers("Sector") Long sectorId, LocalDate establishedOn) {
	}

	static final Table<Values> TABLE = Table.of("Enterprise", "enterprise", Values.class)
		.unique(USCC_TAKEN, "input", "uscc");

	private final Writer writer;

	private final EnterpriseRepository enterprises;

	EnterpriseMutations(Writer writer, EnterpriseRepository enterprises) {
		this.writer = writer;
		this.enterprises = enterprises;
	}

	record CreateEnterpriseInput(String name, String nameEn, String uscc, String sectorId, LocalDate establishedOn) {
	}

	record UpdateEnterpriseInput(String id, Long expectedVersion, String name, String nameEn, String uscc,
			String sectorId, LocalDate establishedOn) {
	}

	record EnterprisePayload(Enterprise enterprise, List<UserError> userErrors) {
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public EnterprisePayload createEnterprise(@Argument CreateEnterpriseInput input) {
		return this.writer.create(TABLE,
				(problems) -> new Values(problems.name(input.name(), true, 200, "input", "name"),
						problems.name(input.nameEn(), false, 300, "input", "nameEn"), uscc(problems, input.uscc(), null),
						sector(problems, input.sectorId()),
						problems.pastDate(input.establishedOn(), false, "input", "establishedOn")),
				this::payload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public EnterprisePayload updateEnterprise(@Argument UpdateEnterpriseInput input) {
		return this.writer.update(TABLE, input.id(), input.expectedVersion(), (problems, before) -> {
			Values was = before.values();
			return new Values(
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
	public Writer.DeletePayload deleteEnterprise(@Argument Writer.DeleteInput input) {
		return this.writer.delete(TABLE, input, (id, values, problems) -> {
			if (this.enterprises.inUse(id)) {
				problems.add(UserError.Code.INVALID,
						"The enterprise still has live projects, ledger rows or talent awards; delete them first.", "input",
						"id");
			}
		});
	}

	private EnterprisePayload payload(Long id, List<UserError> errors) {
		return new EnterprisePayload(this.writer.read(Enterprise.class, id), errors);
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
		if (this.enterprises.usccTaken(code, exceptId)) {
			problems.add(UserError.Code.DUPLICATE, USCC_TAKEN, "input", "uscc");
			return null;
		}
		return code;
	}

	private Long sector(Problems problems, String sectorId) {
		return this.writer.reference(problems, sectorId, "Sector", "sector", false, "input", "sectorId");
	}

}
