package cn.changhe.portfolio.talent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import cn.changhe.portfolio.graphql.MoneyInput;
import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.security.Access;
import cn.changhe.portfolio.write.Writer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Keeps the talent programmes and their awards.
 */
@Controller
class TalentMutations {

	private static final int CODE_LENGTH = 40;

	/** Talent grants are made by governments in China, in CNY. */
	private static final String GRANT_CURRENCY = "CNY";

	private final Writer writer;

	TalentMutations(Writer writer) {
		this.writer = writer;
	}

	record CreateTalentProgrammeInput(String code, String name, String nameEn, TalentProgramme.Level level) {
	}

	record TalentProgrammePayload(TalentProgramme talentProgramme, List<UserError> userErrors) {
	}

	record CreateTalentAwardInput(String programmeId, Integer year, String title, String personName,
			String enterpriseId, String projectId, MoneyInput grant) {
	}

	record UpdateTalentAwardInput(String id, Long expectedVersion, Integer year, String title, String personName,
			MoneyInput grant) {
	}

	record TalentAwardPayload(TalentAward talentAward, List<UserError> userErrors) {
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public TalentProgrammePayload createTalentProgramme(@Argument CreateTalentProgrammeInput input) {
		return this.writer.create(TalentWrites.PROGRAMMES, (problems) -> {
			if (input.level() == null) {
				problems.add(UserError.Code.REQUIRED, "`input.level` is required.", "input", "level");
			}
			return new TalentWrites.Programme(code(problems, input.code()),
					problems.name(input.name(), true, 200, "input", "name"),
					problems.name(input.nameEn(), false, 300, "input", "nameEn"), input.level());
		}, (id, errors) -> new TalentProgrammePayload(
				this.writer.read(TalentProgramme.class, id), errors));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public TalentAwardPayload createTalentAward(@Argument CreateTalentAwardInput input) {
		return this.writer.create(TalentWrites.AWARDS, (problems) -> {
			Long programmeId = this.writer.reference(problems, input.programmeId(), "TalentProgramme", "talent_programme",
					true, "input", "programmeId");
			Integer year = problems.year(input.year(), true, "input", "year");
			String title = problems.name(input.title(), true, 200, "input", "title");
			String personName = problems.name(input.personName(), false, 100, "input", "personName");
			Long enterpriseId = this.writer.reference(problems, input.enterpriseId(), "Enterprise", "enterprise", false,
					"input", "enterpriseId");
			Long projectId = null;
			Optional<Long> projectKey = problems.key(input.projectId(), "Project", false, "input", "projectId");
			if (projectKey.isPresent()) {
				Optional<Long> owner = problems.found(this.writer.value(Long.class,
						"SELECT enterprise_id FROM project WHERE id = ? AND deleted_at IS NULL", projectKey.get()), "Project",
						"input", "projectId");
				if (owner.isPresent()) {
					if (input.enterpriseId() == null) {
						enterpriseId = owner.get();
						projectId = projectKey.get();
					}
					else if (enterpriseId != null && !enterpriseId.equals(owner.get())) {
						problems.add(UserError.Code.INVALID, "The project is not a project of the enterprise in `input.enterpriseId`.",
								"input", "projectId");
					}
					else {
						projectId = projectKey.get();
					}
				}
			}
			BigDecimal grant = grant(problems, input.grant());
			return new TalentWrites.Award(programmeId, year, title, personName, enterpriseId, projectId, grant,
					(grant != null) ? GRANT_CURRENCY : null);
		}, this::awardPayload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public TalentAwardPayload updateTalentAward(@Argument UpdateTalentAwardInput input) {
		return this.writer.update(TalentWrites.AWARDS, input.id(), input.expectedVersion(), (problems, before) -> {
			TalentWrites.Award was = before.values();
			boolean granted = input.grant() != null;
			return new TalentWrites.Award(was.programmeId(),
					(input.year() != null) ? problems.year(input.year(), true, "input", "year") : was.year(),
					(input.title() != null) ? problems.name(input.title(), true, 200, "input", "title") : was.title(),
					(input.personName() != null) ? problems.name(input.personName(), false, 100, "input", "personName")
							: was.personName(),
					was.enterpriseId(), was.projectId(), granted ? grant(problems, input.grant()) : was.grant(),
					granted ? GRANT_CURRENCY : was.grantCurrency());
		}, this::awardPayload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public Writer.DeletePayload deleteTalentAward(@Argument Writer.DeleteInput input) {
		return this.writer.delete(TalentWrites.AWARDS, input, Writer.Then.nothing());
	}

	private String code(Problems problems, String value) {
		String code = problems.code(value, CODE_LENGTH, "SOUTH_TAIHU_ELITE", "input", "code");
		if (code != null && this.writer.any("talent_programme WHERE code = ?", code)) {
			problems.add(UserError.Code.DUPLICATE, "Another talent programme has this code.", "input", "code");
			return null;
		}
		return code;
	}

	/** A grant: an amount of money in CNY, or null where none was given. */
	private static BigDecimal grant(Problems problems, MoneyInput grant) {
		BigDecimal amount = problems.money(grant, false, "input", "grant");
		if (amount != null && !problems.has("input", "grant", "currency") && !GRANT_CURRENCY.equals(grant.currency())) {
			problems.add(UserError.Code.INVALID, "`input.grant` must be in CNY.", "input", "grant", "currency");
			return null;
		}
		return amount;
	}

	private TalentAwardPayload awardPayload(Long id, List<UserError> errors) {
		return new TalentAwardPayload(this.writer.read(TalentAward.class, id), errors);
	}

}
