package cn.changhe.portfolio.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changhe.portfolio.audit.Actor;
import cn.changhe.portfolio.audit.Audit;
import cn.changhe.portfolio.audit.Changes;
import cn.changhe.portfolio.graphql.GlobalId;
import cn.changhe.portfolio.graphql.MoneyInput;
import cn.changhe.portfolio.graphql.Payloads;
import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.graphql.Versions;
import cn.changhe.portfolio.investment.InvestmentWrites;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

@Controller
class ProjectMutations {

	/** The stage a project must be at to be listed in each 五未 category. */
	private static final Map<StallCategory, ProjectStage> STAGE_OF_CATEGORY = Map.of(
			StallCategory.SIGNED_NOT_LANDED, ProjectStage.SIGNED, StallCategory.LANDED_NOT_STARTED, ProjectStage.REGISTERED,
			StallCategory.STARTED_NOT_COMPLETED, ProjectStage.STARTED, StallCategory.COMPLETED_NOT_PRODUCING,
			ProjectStage.COMPLETED, StallCategory.PRODUCING_BELOW_CAPACITY, ProjectStage.IN_PRODUCTION);

	private static final BigDecimal MAX_LAND_MU = new BigDecimal("10000000");

	private final ProjectWrites writes;

	private final ProjectRepository projects;

	private final InvestmentWrites investments;

	private final Audit audit;

	private final Actor actor;

	private final TransactionTemplate tx;

	ProjectMutations(ProjectWrites writes, ProjectRepository projects, InvestmentWrites investments, Audit audit,
			Actor actor, TransactionTemplate tx) {
		this.writes = writes;
		this.projects = projects;
		this.investments = investments;
		this.audit = audit;
		this.actor = actor;
		this.tx = tx;
	}

	record CreateProjectInput(String name, String nameEn, String enterpriseId, String sectorId,
			MoneyInput totalInvestment, MoneyInput foreignInvestment, BigDecimal landAreaMu, Boolean provincialMajor,
			Boolean reclaimedLand, LocalDate signedOn) {
	}

	record UpdateProjectInput(String id, Long expectedVersion, String name, String nameEn, String sectorId,
			MoneyInput totalInvestment, MoneyInput foreignInvestment, BigDecimal landAreaMu, Boolean provincialMajor,
			Boolean reclaimedLand) {
	}

	record RecordMilestoneInput(String projectId, ProjectStage stage, LocalDate reachedOn, Long expectedVersion) {
	}

	record ListStallInput(String projectId, StallCategory category, LocalDate listedOn, Long expectedVersion) {
	}

	record ClearStallInput(String projectId, LocalDate clearedOn, Long expectedVersion) {
	}

	record DeleteInput(String id, Long expectedVersion) {
	}

	record ProjectPayload(Project project, List<UserError> userErrors) {
	}

	record DeletePayload(String deletedId, List<UserError> userErrors) {
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload createProject(@Argument CreateProjectInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", problems.name(input.name(), true, 200, "input", "name"));
			fields.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			Optional<Long> enterprise = problems.key(input.enterpriseId(), "Enterprise", true, "input", "enterpriseId");
			Optional<Long> enterpriseSector = enterprise
				.flatMap((id) -> problems.found(this.writes.enterpriseSector(id), "Enterprise", "input", "enterpriseId"));
			fields.put("enterpriseId", enterprise.orElse(null));
			Long sector = sector(problems, input.sectorId());
			if (sector == null && input.sectorId() == null && enterpriseSector.isPresent()) {
				sector = (enterpriseSector.get() != 0) ? enterpriseSector.get() : null;
				if (sector == null) {
					problems.add(UserError.Code.REQUIRED, "The enterprise has no sector: `input.sectorId` is required.", "input",
							"sectorId");
				}
			}
			fields.put("sectorId", sector);
			money(problems, fields, input.totalInvestment(), input.foreignInvestment(), true);
			fields.put("landAreaMu", landArea(problems, input.landAreaMu()));
			fields.put("provincialMajor", Boolean.TRUE.equals(input.provincialMajor()));
			fields.put("reclaimedLand", Boolean.TRUE.equals(input.reclaimedLand()));
			LocalDate signedOn = (input.signedOn() != null) ? problems.pastDate(input.signedOn(), true, "input", "signedOn")
					: LocalDate.now(ZoneOffset.UTC);
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			long id = this.writes.insert(fields, signedOn, source(), now);
			Map<String, Object> created = new LinkedHashMap<>(fields);
			created.put("stage", ProjectStage.SIGNED.name());
			created.put("signedOn", signedOn);
			this.audit.record("Project", id, "CREATE", Changes.created(created), now);
			return new ProjectPayload(find(id), List.of());
		}, (problems) -> new ProjectPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload updateProject(@Argument UpdateProjectInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = lock(problems, input.id(), "id", input.expectedVersion(),
					true);
			if (current.isEmpty()) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "Project", "input.id");
			Map<String, Object> before = current.get();
			Map<String, Object> after = new LinkedHashMap<>(before);
			after.remove("version");
			after.remove("stage");
			if (input.name() != null) {
				after.put("name", problems.name(input.name(), true, 200, "input", "name"));
			}
			if (input.nameEn() != null) {
				after.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			}
			if (input.sectorId() != null) {
				after.put("sectorId", sector(problems, input.sectorId()));
			}
			if (input.totalInvestment() != null || input.foreignInvestment() != null) {
				money(problems, after, input.totalInvestment(), input.foreignInvestment(), false);
			}
			if (input.landAreaMu() != null) {
				after.put("landAreaMu", landArea(problems, input.landAreaMu()));
			}
			if (input.provincialMajor() != null) {
				after.put("provincialMajor", input.provincialMajor());
			}
			if (input.reclaimedLand() != null) {
				after.put("reclaimedLand", input.reclaimedLand());
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			this.writes.update(id, after, (Long) before.get("version"), now);
			this.audit.record("Project", id, "UPDATE", Changes.between(before, after), now);
			return new ProjectPayload(find(id), List.of());
		}, (problems) -> new ProjectPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload recordMilestone(@Argument RecordMilestoneInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = lock(problems, input.projectId(), "projectId", input.expectedVersion(),
					false);
			if (current.isEmpty()) {
				return null;
			}
			long id = GlobalId.keyOf(input.projectId(), "Project", "input.projectId");
			ProjectStage stage = ProjectStage.valueOf((String) current.get().get("stage"));
			if (input.stage() == null) {
				problems.add(UserError.Code.REQUIRED, "`input.stage` is required.", "input", "stage");
				return null;
			}
			if (input.stage().ordinal() <= stage.ordinal()) {
				problems.add(UserError.Code.OUT_OF_ORDER, "The project has already reached " + input.stage() + " (it is at "
						+ stage + ").", "input", "stage");
				return null;
			}
			ProjectStage next = ProjectStage.values()[stage.ordinal() + 1];
			if (input.stage() != next) {
				problems.add(UserError.Code.OUT_OF_ORDER, "Stages are reached in order: the project is at " + stage
						+ ", so it reaches " + next + " next, not " + input.stage() + ".", "input", "stage");
				return null;
			}
			LocalDate reachedOn = problems.pastDate(input.reachedOn(), true, "input", "reachedOn");
			LocalDate previous = this.writes.milestones(id).get(stage);
			if (reachedOn != null && previous != null && reachedOn.isBefore(previous)) {
				problems.add(UserError.Code.OUT_OF_ORDER, "The project reached " + stage + " on " + previous + "; it cannot reach "
						+ next + " before that.", "input", "reachedOn");
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			this.writes.reach(id, next, reachedOn, source(), now);
			this.audit.record("Project", id, "RECORD_MILESTONE",
					new Changes().field("stage", stage.name(), next.name()).field("milestones." + next, null, reachedOn), now);
			return new ProjectPayload(find(id), List.of());
		}, (problems) -> new ProjectPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload listStall(@Argument ListStallInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = lock(problems, input.projectId(), "projectId", input.expectedVersion(),
					false);
			if (current.isEmpty()) {
				return null;
			}
			long id = GlobalId.keyOf(input.projectId(), "Project", "input.projectId");
			ProjectStage stage = ProjectStage.valueOf((String) current.get().get("stage"));
			if (input.category() == null) {
				problems.add(UserError.Code.REQUIRED, "`input.category` is required.", "input", "category");
				return null;
			}
			ProjectStage fits = STAGE_OF_CATEGORY.get(input.category());
			if (fits != stage) {
				problems.add(UserError.Code.INVALID, input.category() + " is for a project at " + fits + "; this one is at "
						+ stage + ".", "input", "category");
			}
			if (this.writes.openStall(id).isPresent()) {
				problems.add(UserError.Code.DUPLICATE, "The project is already on the 五未 list; clear that listing first.",
						"input", "projectId");
			}
			LocalDate listedOn = problems.pastDate(input.listedOn(), true, "input", "listedOn");
			LocalDate reached = this.writes.milestones(id).get(stage);
			if (listedOn != null && reached != null && listedOn.isBefore(reached)) {
				problems.add(UserError.Code.OUT_OF_ORDER, "The project reached " + stage + " on " + reached
						+ "; it cannot be listed as stalled there before that.", "input", "listedOn");
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			this.writes.listStall(id, input.category(), listedOn, source(), now);
			this.audit.record("Project", id, "LIST_STALL",
					new Changes().field("stall.category", null, input.category().name()).field("stall.listedOn", null, listedOn),
					now);
			return new ProjectPayload(find(id), List.of());
		}, (problems) -> new ProjectPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload clearStall(@Argument ClearStallInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = lock(problems, input.projectId(), "projectId", input.expectedVersion(),
					false);
			if (current.isEmpty()) {
				return null;
			}
			long id = GlobalId.keyOf(input.projectId(), "Project", "input.projectId");
			Optional<Object[]> open = this.writes.openStall(id);
			if (open.isEmpty()) {
				problems.add(UserError.Code.NOT_FOUND, "The project has no open 五未 listing to clear.", "input", "projectId");
				return null;
			}
			LocalDate listedOn = (LocalDate) open.get()[2];
			LocalDate clearedOn = problems.pastDate(input.clearedOn(), true, "input", "clearedOn");
			if (clearedOn != null && clearedOn.isBefore(listedOn)) {
				problems.add(UserError.Code.OUT_OF_ORDER, "The listing was made on " + listedOn + "; it cannot be cleared before.",
						"input", "clearedOn");
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			this.writes.clearStall((Long) open.get()[0], id, clearedOn, now);
			this.audit.record("Project", id, "CLEAR_STALL", new Changes().field("stall.clearedOn", null, clearedOn), now);
			return new ProjectPayload(find(id), List.of());
		}, (problems) -> new ProjectPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public DeletePayload deleteProject(@Argument DeleteInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = lock(problems, input.id(), "id", input.expectedVersion(),
					true);
			if (current.isEmpty()) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "Project", "input.id");
			if (this.writes.hasTalentAwards(id)) {
				problems.add(UserError.Code.INVALID,
						"Talent awards still refer to the project; delete them or move them to another project first.", "input", "id");
				return null;
			}
			LocalDateTime now = Audit.now();
			this.writes.delete(id, now);
			this.audit.record("Project", id, "DELETE", new Changes().field("deletedAt", null, now), now);
			for (long investment : this.investments.deleteOfProject(id, now)) {
				this.audit.record("Investment", investment, "DELETE",
						new Changes().field("deletedAt", null, now).field("reason", null, "project deleted"), now);
			}
			return new DeletePayload(input.id(), List.of());
		}, (problems) -> new DeletePayload(null, problems.errors()));
	}

	/** The project's fields, locked, when it exists and is at the version the input names (if it must name one). */
	private Optional<Map<String, Object>> lock(Problems problems, String projectId, String field, Long expectedVersion,
			boolean versionRequired) {
		return problems.key(projectId, "Project", true, "input", field)
			.flatMap((id) -> problems.found(this.writes.lock(id), "Project", "input", field))
			.filter((current) -> Versions.matches(problems, (Long) current.get("version"), expectedVersion, versionRequired));
	}

	private Long sector(Problems problems, String sectorId) {
		return problems.key(sectorId, "Sector", false, "input", "sectorId")
			.flatMap((id) -> problems.found(this.writes.sectorExists(id) ? Optional.of(id) : Optional.empty(), "Sector",
					"input", "sectorId"))
			.orElse(null);
	}

	/** Total investment in CNY, foreign investment in its own currency. */
	private static void money(Problems problems, Map<String, Object> fields, MoneyInput total, MoneyInput foreign,
			boolean totalRequired) {
		if (total != null || totalRequired) {
			BigDecimal yuan = problems.money(total, true, "input", "totalInvestment");
			if (total != null && !"CNY".equals(total.currency())) {
				problems.add(UserError.Code.INVALID, "Total investment is in CNY.", "input", "totalInvestment", "currency");
			}
			fields.put("totalInvestment", yuan);
		}
		if (foreign != null) {
			fields.put("foreignInvestment", problems.money(foreign, false, "input", "foreignInvestment"));
			fields.put("foreignInvestmentCurrency", foreign.currency());
		}
		else if (totalRequired) {
			fields.put("foreignInvestment", null);
			fields.put("foreignInvestmentCurrency", null);
		}
	}

	private static BigDecimal landArea(Problems problems, BigDecimal mu) {
		if (mu != null && (mu.signum() < 0 || mu.compareTo(MAX_LAND_MU) > 0 || mu.stripTrailingZeros().scale() > 2)) {
			problems.add(UserError.Code.INVALID, "`input.landAreaMu` must be between 0 and " + MAX_LAND_MU.toPlainString()
					+ " 亩, to two decimals.", "input", "landAreaMu");
			return null;
		}
		return mu;
	}

	private String source() {
		return "API: " + this.actor.current();
	}

	private Project find(long id) {
		return this.projects.findAllById(List.of(id)).get(0);
	}

}
