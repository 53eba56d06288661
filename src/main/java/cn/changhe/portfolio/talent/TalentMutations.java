package cn.changhe.portfolio.talent;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.changhe.portfolio.audit.Actor;
import cn.changhe.portfolio.audit.Audit;
import cn.changhe.portfolio.audit.Changes;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.MoneyInput;
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

/**
 * Keeps the talent programmes and their awards.
 */
@Controller
class TalentMutations {

	/** A programme's code: capital letters, digits and underscores, starting with a letter. */
	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private static final int CODE_LENGTH = 40;

	/** Talent grants are made by governments in China, in CNY. */
	private static final String GRANT_CURRENCY = "CNY";

	private final TalentWrites writes;

	private final TalentRepository programmes;

	private final TalentAwardRepository awards;

	private final Audit audit;

	private final Actor actor;

	private final TransactionTemplate tx;

	TalentMutations(TalentWrites writes, TalentRepository programmes, TalentAwardRepository awards, Audit audit,
			Actor actor, TransactionTemplate tx) {
		this.writes = writes;
		this.programmes = programmes;
		this.awards = awards;
		this.audit = audit;
		this.actor = actor;
		this.tx = tx;
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

	record DeleteInput(String id, Long expectedVersion) {
	}

	record DeletePayload(String deletedId, List<UserError> userErrors) {
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public TalentProgrammePayload createTalentProgramme(@Argument CreateTalentProgrammeInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("code", code(problems, input.code()));
			fields.put("name", problems.name(input.name(), true, 200, "input", "name"));
			fields.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			if (input.level() == null) {
				problems.add(UserError.Code.REQUIRED, "`input.level` is required.", "input", "level");
			}
			fields.put("level", (input.level() != null) ? input.level().name() : null);
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			long id;
			try {
				id = this.writes.insertProgramme(fields, source(), now);
			}
			catch (DuplicateKeyException ex) {
				problems.add(UserError.Code.DUPLICATE, "Another talent programme has this code.", "input", "code");
				return null;
			}
			this.audit.record("TalentProgramme", id, "CREATE", Changes.created(fields), now);
			return new TalentProgrammePayload(this.programmes.findAllById(List.of(id)).get(0), List.of());
		}, (problems) -> new TalentProgrammePayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public TalentAwardPayload createTalentAward(@Argument CreateTalentAwardInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Long programmeId = problems.key(input.programmeId(), "TalentProgramme", true, "input", "programmeId")
				.flatMap((key) -> problems.found(this.writes.programmeExists(key) ? Optional.of(key) : Optional.empty(),
						"TalentProgramme", "input", "programmeId"))
				.orElse(null);
			Integer year = problems.year(input.year(), true, "input", "year");
			String title = problems.name(input.title(), true, 200, "input", "title");
			String personName = problems.name(input.personName(), false, 100, "input", "personName");
			Long enterpriseId = problems.key(input.enterpriseId(), "Enterprise", false, "input", "enterpriseId")
				.flatMap((key) -> problems.found(this.writes.enterpriseExists(key) ? Optional.of(key) : Optional.empty(),
						"Enterprise", "input", "enterpriseId"))
				.orElse(null);
			Long projectId = null;
			Optional<Long> projectKey = problems.key(input.projectId(), "Project", false, "input", "projectId");
			if (projectKey.isPresent()) {
				Optional<Long> owner = problems.found(this.writes.enterpriseOfProject(projectKey.get()), "Project", "input",
						"projectId");
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
			if (problems.any()) {
				return null;
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("programmeId", programmeId);
			fields.put("year", year);
			fields.put("title", title);
			fields.put("personName", personName);
			fields.put("enterpriseId", enterpriseId);
			fields.put("projectId", projectId);
			fields.put("grant", grant);
			fields.put("grantCurrency", (grant != null) ? GRANT_CURRENCY : null);
			LocalDateTime now = Audit.now();
			long id = this.writes.insertAward(fields, source(), now);
			this.audit.record("TalentAward", id, "CREATE", Changes.created(fields), now);
			return new TalentAwardPayload(findAward(id), List.of());
		}, (problems) -> new TalentAwardPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public TalentAwardPayload updateTalentAward(@Argument UpdateTalentAwardInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = problems.key(input.id(), "TalentAward", true, "input", "id")
				.flatMap((id) -> problems.found(this.writes.lockAward(id), "TalentAward", "input", "id"));
			if (current.isEmpty() || !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "TalentAward", "input.id");
			Map<String, Object> before = current.get();
			Map<String, Object> after = new LinkedHashMap<>(before);
			after.remove("version");
			if (input.year() != null) {
				after.put("year", problems.year(input.year(), true, "input", "year"));
			}
			if (input.title() != null) {
				after.put("title", problems.name(input.title(), true, 200, "input", "title"));
			}
			if (input.personName() != null) {
				after.put("personName", problems.name(input.personName(), false, 100, "input", "personName"));
			}
			if (input.grant() != null) {
				BigDecimal grant = grant(problems, input.grant());
				after.put("grant", grant);
				after.put("grantCurrency", GRANT_CURRENCY);
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			this.writes.updateAward(id, after, (Long) before.get("version"), now);
			this.audit.record("TalentAward", id, "UPDATE", Changes.between(before, after), now);
			return new TalentAwardPayload(findAward(id), List.of());
		}, (problems) -> new TalentAwardPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public DeletePayload deleteTalentAward(@Argument DeleteInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = problems.key(input.id(), "TalentAward", true, "input", "id")
				.flatMap((id) -> problems.found(this.writes.lockAward(id), "TalentAward", "input", "id"));
			if (current.isEmpty() || !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "TalentAward", "input.id");
			LocalDateTime now = Audit.now();
			this.writes.deleteAward(id, (Long) current.get().get("version"), now);
			this.audit.record("TalentAward", id, "DELETE", new Changes().field("deletedAt", null, now), now);
			return new DeletePayload(input.id(), List.of());
		}, (problems) -> new DeletePayload(null, problems.errors()));
	}

	private String code(Problems problems, String value) {
		if (value == null || value.isBlank()) {
			problems.add(UserError.Code.REQUIRED, "`input.code` is required.", "input", "code");
			return null;
		}
		String code = value.strip();
		if (code.length() > CODE_LENGTH || !CODE.matcher(code).matches()) {
			problems.add(UserError.Code.INVALID, "`input.code` must be capital letters, digits and underscores, starting with a letter, at most "
					+ CODE_LENGTH + " characters (such as SOUTH_TAIHU_ELITE).", "input", "code");
			return null;
		}
		if (this.writes.codeTaken(code)) {
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

	static boolean versionMatches(Problems problems, Map<String, Object> current, Long expected) {
		return Versions.matches(problems, (Long) current.get("version"), expected);
	}

	private String source() {
		return "API: " + this.actor.current();
	}

	private TalentAward findAward(long id) {
		return this.awards.findAllById(List.of(id)).get(0);
	}

}
