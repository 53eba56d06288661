package cn.changhe.portfolio.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.changhe.portfolio.audit.Audit;
import cn.changhe.portfolio.audit.Changes;
import cn.changhe.portfolio.graphql.MoneyInput;
import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.security.Access;
import cn.changhe.portfolio.write.Table.Locked;
import cn.changhe.portfolio.write.Writer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class ProjectMutations {

	/** The stage a project must be at to be listed in each 五未 category. */
	private static final Map<StallCategory, ProjectStage> STAGE_OF_CATEGORY = Map.of(
			StallCategory.SIGNED_NOT_LANDED, ProjectStage.SIGNED, StallCategory.LANDED_NOT_STARTED, ProjectStage.REGISTERED,
			StallCategory.STARTED_NOT_COMPLETED, ProjectStage.STARTED, StallCategory.COMPLETED_NOT_PRODUCING,
			ProjectStage.COMPLETED, StallCategory.PRODUCING_BELOW_CAPACITY, ProjectStage.IN_PRODUCTION);

	private static final BigDecimal MAX_LAND_MU = new BigDecimal("10000000");

	private final Writer writer;

	private final ProjectWrites writes;

	ProjectMutations(Writer writer, ProjectWrites writes) {
		this.writer = writer;
		this.writes = writes;
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

	record ProjectPayload(Project project, List<UserError> userErrors) {
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload createProject(@Argument CreateProjectInput input) {
		return this.writer.create(ProjectWrites.PROJECTS, (problems) -> {
			Optional<Long> enterprise = problems.key(input.enterpriseId(), "Enterprise", true, "input", "enterpriseId");
			Optional<Long> enterpriseSector = enterprise
				.flatMap((id) -> problems.found(this.writes.enterpriseSector(id), "Enterprise", "input", "enterpriseId"));
			Long sector = sector(problems, input.sectorId());
			if (sector == null && input.sectorId() == null && enterpriseSector.isPresent()) {
				sector = (enterpriseSector.get() != 0) ? enterpriseSector.get() : null;
				if (sector == null) {
					problems.add(UserError.Code.REQUIRED, "The enterprise has no sector: `input.sectorId` is required.", "input",
							"sectorId");
				}
			}
			Money money = money(problems, input.totalInvestment(), input.foreignInvestment(), null);
			LocalDate signedOn = (input.signedOn() != null) ? problems.pastDate(input.signedOn(), true, "input", "signedOn")
					: LocalDate.now(ZoneOffset.UTC);
			Map<ProjectStage, LocalDate> milestones = new EnumMap<>(ProjectStage.class);
			milestones.put(ProjectStage.SIGNED, signedOn);
			return new ProjectWrites.Values(problems.name(input.name(), true, 200, "input", "name"),
					problems.name(input.nameEn(), false, 300, "input", "nameEn"), enterprise.orElse(null), sector,
					money.total(), money.foreign(), money.foreignCurrency(), landArea(problems, input.landAreaMu()),
					Boolean.TRUE.equals(input.provincialMajor()), Boolean.TRUE.equals(input.reclaimedLand()),
					ProjectStage.SIGNED, milestones, null);
		}, (id, project, problems) -> this.writes.insertMilestone(id, project, this.writer.source(), Audit.now()), this::payload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload updateProject(@Argument UpdateProjectInput input) {
		return this.writer.update(ProjectWrites.PROJECTS, input.id(), input.expectedVersion(), (problems, before) -> {
			ProjectWrites.Values was = before.values();
			Money money = (input.totalInvestment() != null || input.foreignInvestment() != null)
					? money(problems, input.totalInvestment(), input.foreignInvestment(), was)
					: new Money(was.totalInvestment(), was.foreignInvestment(), was.foreignInvestmentCurrency());
			return new ProjectWrites.Values(
					(input.name() != null) ? problems.name(input.name(), true, 200, "input", "name") : was.name(),
					(input.nameEn() != null) ? problems.name(input.nameEn(), false, 300, "input", "nameEn") : was.nameEn(),
					was.enterpriseId(), (input.sectorId() != null) ? sector(problems, input.sectorId()) : was.sectorId(),
					money.total(), money.foreign(), money.foreignCurrency(),
					(input.landAreaMu() != null) ? landArea(problems, input.landAreaMu()) : was.landAreaMu(),
					(input.provincialMajor() != null) ? input.provincialMajor() : was.provincialMajor(),
					(input.reclaimedLand() != null) ? input.reclaimedLand() : was.reclaimedLand(), was.stage(),
					was.milestones(), was.stall());
		}, this::payload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload recordMilestone(@Argument RecordMilestoneInput input) {
		return this.writer.update(ProjectWrites.PROJECTS, "RECORD_MILESTONE", lock(input.projectId(), input.expectedVersion()),
				(problems, before) -> {
					ProjectStage stage = before.values().stage();
					if (problems.absent(input.stage(), true, "input", "stage")) {
						return null;
					}
					if (input.stage().ordinal() <= stage.ordinal()) {
						problems.add(UserError.Code.OUT_OF_ORDER, "The project has already reached " + input.stage()
								+ " (it is at " + stage + ").", "input", "stage");
						return null;
					}
					ProjectStage next = ProjectStage.values()[stage.ordinal() + 1];
					if (input.stage() != next) {
						problems.add(UserError.Code.OUT_OF_ORDER, "Stages are reached in order: the project is at " + stage
								+ ", so it reaches " + next + " next, not " + input.stage() + ".", "input", "stage");
						return null;
					}
					LocalDate reachedOn = problems.pastDate(input.reachedOn(), true, "input", "reachedOn");
					LocalDate previous = before.values().milestones().get(stage);
					if (reachedOn != null && previous != null && reachedOn.isBefore(previous)) {
						problems.add(UserError.Code.OUT_OF_ORDER, "The project reached " + stage + " on " + previous
								+ "; it cannot reach " + next + " before that.", "input", "reachedOn");
					}
					return before.values().reached(next, reachedOn);
				}, (id, project, problems) -> this.writes.insertMilestone(id, project, this.writer.source(), Audit.now()),
				this::payload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload listStall(@Argument ListStallInput input) {
		return this.writer.update(ProjectWrites.PROJECTS, "LIST_STALL", lock(input.projectId(), input.expectedVersion()),
				(problems, before) -> {
					ProjectStage stage = before.values().stage();
					if (problems.absent(input.category(), true, "input", "category")) {
						return null;
					}
					ProjectStage fits = STAGE_OF_CATEGORY.get(input.category());
					if (fits != stage) {
						problems.add(UserError.Code.INVALID, input.category() + " is for a project at " + fits
								+ "; this one is at " + stage + ".", "input", "category");
					}
					if (before.values().stall() != null) {
						problems.add(UserError.Code.DUPLICATE,
								"The project is already on the 五未 list; clear that listing first.", "input", "projectId");
					}
					LocalDate listedOn = problems.pastDate(input.listedOn(), true, "input", "listedOn");
					LocalDate reached = before.values().milestones().get(stage);
					if (listedOn != null && reached != null && listedOn.isBefore(reached)) {
						problems.add(UserError.Code.OUT_OF_ORDER, "The project reached " + stage + " on " + reached
								+ "; it cannot be listed as stalled there before that.", "input", "listedOn");
					}
					return before.values().listed(new ProjectWrites.Stall(null, input.category(), listedOn, null));
				}, (id, project, problems) -> this.writes.listStall(id, project.stall(), this.writer.source(), Audit.now()),
				this::payload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public ProjectPayload clearStall(@Argument ClearStallInput input) {
		return this.writer.update(ProjectWrites.PROJECTS, "CLEAR_STALL", lock(input.projectId(), input.expectedVersion()),
				(problems, before) -> {
					ProjectWrites.Stall open = before.values().stall();
					if (open == null) {
						problems.add(UserError.Code.NOT_FOUND, "The project has no open 五未 listing to clear.", "input",
								"projectId");
						return null;
					}
					LocalDate clearedOn = problems.pastDate(input.clearedOn(), true, "input", "clearedOn");
					if (clearedOn != null && clearedOn.isBefore(open.listedOn())) {
						problems.add(UserError.Code.OUT_OF_ORDER, "The listing was made on " + open.listedOn()
								+ "; it cannot be cleared before.", "input", "clearedOn");
					}
					return before.values()
						.listed(new ProjectWrites.Stall(open.id(), open.category(), open.listedOn(), clearedOn));
				}, (id, project, problems) -> this.writes.clearStall(project.stall(), Audit.now()), this::payload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public Writer.DeletePayload deleteProject(@Argument Writer.DeleteInput input) {
		return this.writer.delete(ProjectWrites.PROJECTS, input, (id, project, problems) -> {
			if (this.writes.hasTalentAwards(id)) {
				problems.add(UserError.Code.INVALID,
						"Talent awards still refer to the project; delete them or move them to another project first.", "input",
						"id");
				return;
			}
			// the project's ledger rows go with it
			LocalDateTime now = Audit.now();
			for (long investment : this.writes.deleteInvestments(id, now)) {
				this.writer.audit("Investment", investment, "DELETE",
						new Changes().field("deletedAt", null, now).field("reason", null, "project deleted"), now);
			}
		});
	}

	/** Where a project's steps find it: locked, at the version the input names if it names one. */
	private Function<Problems, Optional<Locked<ProjectWrites.Values>>> lock(String projectId, Long expectedVersion) {
		return (problems) -> this.writer.lock(ProjectWrites.PROJECTS, problems, "projectId", projectId, expectedVersion,
				false);
	}

	private Long sector(Problems problems, String sectorId) {
		return this.writer.reference(problems, sectorId, "Sector", "sector", false, "input", "sectorId");
	}

	/** A project's money: total investment in CNY, foreign investment in its own currency. */
	private record Money(BigDecimal total, BigDecimal foreign, String foreignCurrency) {
	}

	/** The money from the input, over what the project had ({@code was}; null for a new project). */
	private static Money money(Problems problems, MoneyInput total, MoneyInput foreign, ProjectWrites.Values was) {
		BigDecimal yuan = (was != null) ? was.totalInvestment() : null;
		if (total != null || was == null) {
			yuan = problems.money(total, true, "input", "totalInvestment");
			if (total != null && !"CNY".equals(total.currency())) {
				problems.add(UserError.Code.INVALID, "Total investment is in CNY.", "input", "totalInvestment", "currency");
			}
		}
		if (foreign != null) {
			return new Money(yuan, problems.money(foreign, false, "input", "foreignInvestment"), foreign.currency());
		}
		return (was != null) ? new Money(yuan, was.foreignInvestment(), was.foreignInvestmentCurrency())
				: new Money(yuan, null, null);
	}

	private static BigDecimal landArea(Problems problems, BigDecimal mu) {
		if (mu != null && (mu.signum() < 0 || mu.compareTo(MAX_LAND_MU) > 0 || mu.stripTrailingZeros().scale() > 2)) {
			problems.add(UserError.Code.INVALID, "`input.landAreaMu` must be between 0 and " + MAX_LAND_MU.toPlainString()
					+ " 亩, to two decimals.", "input", "landAreaMu");
			return null;
		}
		return mu;
	}

	private ProjectPayload payload(Long id, List<UserError> errors) {
		return new ProjectPayload(this.writer.read(Project.class, id), errors);
	}

}
