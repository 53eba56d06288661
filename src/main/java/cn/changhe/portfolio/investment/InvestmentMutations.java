package cn.changhe.portfolio.investment;

import java.math.BigDecimal;
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
import cn.changhe.portfolio.graphql.MoneyInput;
import cn.changhe.portfolio.graphql.Payloads;
import cn.changhe.portfolio.graphql.Problems;
import cn.changhe.portfolio.graphql.UserError;
import cn.changhe.portfolio.graphql.Versions;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

@Controller
class InvestmentMutations {

	private final InvestmentWrites writes;

	private final InvestmentRepository investments;

	private final Audit audit;

	private final Actor actor;

	private final TransactionTemplate tx;

	InvestmentMutations(InvestmentWrites writes, InvestmentRepository investments, Audit audit, Actor actor,
			TransactionTemplate tx) {
		this.writes = writes;
		this.investments = investments;
		this.audit = audit;
		this.actor = actor;
		this.tx = tx;
	}

	record RecordInvestmentInput(InvestmentKind kind, MoneyInput amount, Integer year, LocalDate date, String projectId,
			String enterpriseId, String fundId, String note) {
	}

	record UpdateInvestmentInput(String id, Long expectedVersion, MoneyInput amount, Integer year, LocalDate date,
			String note) {
	}

	record DeleteInput(String id, Long expectedVersion) {
	}

	record InvestmentPayload(Investment investment, List<UserError> userErrors) {
	}

	record DeletePayload(String deletedId, List<UserError> userErrors) {
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public InvestmentPayload recordInvestment(@Argument RecordInvestmentInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			if (input.kind() == null) {
				problems.add(UserError.Code.REQUIRED, "`input.kind` is required.", "input", "kind");
				return null;
			}
			fields.put("kind", input.kind().name());
			BigDecimal amount = problems.money(input.amount(), true, "input", "amount");
			fields.put("amount", amount);
			fields.put("currency", (input.amount() != null) ? input.amount().currency() : null);
			Integer year = problems.year(input.year(), true, "input", "year");
			fields.put("year", year);
			LocalDate date = problems.pastDate(input.date(), false, "input", "date");
			if (date != null && year != null && date.getYear() != year) {
				problems.add(UserError.Code.INVALID, "`input.date` must fall within `input.year`.", "input", "date");
			}
			fields.put("date", date);
			links(problems, input, fields);
			fields.put("note", problems.name(input.note(), false, 500, "input", "note"));
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			long id = this.writes.insert(fields, "API: " + this.actor.current(), now);
			this.audit.record("Investment", id, "CREATE", Changes.created(fields), now);
			return new InvestmentPayload(find(id), List.of());
		}, (problems) -> new InvestmentPayload(null, problems.errors()));
	}

	/** Which project, enterprise and fund the row belongs to, as its kind requires, and its sector. */
	private void links(Problems problems, RecordInvestmentInput input, Map<String, Object> fields) {
		Optional<Long> project = problems.key(input.projectId(), "Project", false, "input", "projectId");
		Optional<Long> enterprise = problems.key(input.enterpriseId(), "Enterprise", false, "input", "enterpriseId");
		Optional<Long> fund = problems.key(input.fundId(), "Fund", false, "input", "fundId");
		Optional<long[]> projectRow = project.flatMap((id) -> problems.found(this.writes.project(id), "Project", "input", "projectId"));
		Optional<Long> enterpriseSector = enterprise
			.flatMap((id) -> problems.found(this.writes.enterpriseSector(id), "Enterprise", "input", "enterpriseId"));
		Optional<String> fundCurrency = fund.flatMap((id) -> problems.found(this.writes.fundCurrency(id), "Fund", "input", "fundId"));
		switch (input.kind()) {
			case FIXED_ASSET -> {
				if (input.projectId() == null) {
					problems.add(UserError.Code.REQUIRED, "Fixed-asset investment is completed by a project: `input.projectId` is required.",
							"input", "projectId");
				}
			}
			case FUND_EQUITY -> {
				if (input.fundId() == null) {
					problems.add(UserError.Code.REQUIRED, "Fund equity comes from a fund: `input.fundId` is required.", "input", "fundId");
				}
				if (input.enterpriseId() == null && input.projectId() == null) {
					problems.add(UserError.Code.REQUIRED, "Fund equity goes to an enterprise: `input.enterpriseId` is required.",
							"input", "enterpriseId");
				}
				fundCurrency.ifPresent((currency) -> {
					if (input.amount() != null && !currency.equals(input.amount().currency())) {
						problems.add(UserError.Code.INVALID, "Fund equity is in the fund's currency, " + currency + ".", "input",
								"amount", "currency");
					}
				});
			}
			case FOREIGN_DIRECT, LOAN -> {
				if (input.projectId() == null && input.enterpriseId() == null) {
					problems.add(UserError.Code.REQUIRED, "Give the project or the enterprise the amount went to.", "input",
							"projectId");
				}
			}
		}
		if (input.kind() != InvestmentKind.FUND_EQUITY && input.fundId() != null) {
			problems.add(UserError.Code.INVALID, "Only fund equity comes from a fund.", "input", "fundId");
		}
		if (input.kind() == InvestmentKind.FIXED_ASSET && input.amount() != null && !"CNY".equals(input.amount().currency())) {
			problems.add(UserError.Code.INVALID, "Fixed-asset investment is reported in CNY.", "input", "amount", "currency");
		}
		Long enterpriseId = enterprise.orElse(null);
		Long sectorId = enterpriseSector.filter((s) -> s != 0).orElse(null);
		if (projectRow.isPresent()) {
			long projectEnterprise = projectRow.get()[0];
			if (enterpriseId != null && enterpriseId != projectEnterprise) {
				problems.add(UserError.Code.INVALID, "The project belongs to another enterprise.", "input", "enterpriseId");
			}
			enterpriseId = projectEnterprise;
			sectorId = projectRow.get()[1];
		}
		fields.put("projectId", project.orElse(null));
		fields.put("enterpriseId", enterpriseId);
		fields.put("fundId", fund.orElse(null));
		fields.put("sectorId", sectorId);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public InvestmentPayload updateInvestment(@Argument UpdateInvestmentInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = problems.key(input.id(), "Investment", true, "input", "id")
				.flatMap((id) -> problems.found(this.writes.lock(id), "Investment", "input", "id"));
			if (current.isEmpty() || !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "Investment", "input.id");
			Map<String, Object> before = current.get();
			Map<String, Object> after = new LinkedHashMap<>(before);
			if (input.amount() != null) {
				after.put("amount", problems.money(input.amount(), true, "input", "amount"));
				if (!before.get("currency").equals(input.amount().currency())) {
					problems.add(UserError.Code.INVALID, "A row keeps its currency, " + before.get("currency")
							+ "; delete it and record a new one.", "input", "amount", "currency");
				}
			}
			if (input.year() != null) {
				after.put("year", problems.year(input.year(), true, "input", "year"));
			}
			if (input.date() != null) {
				after.put("date", problems.pastDate(input.date(), false, "input", "date"));
			}
			if (after.get("date") != null && after.get("year") != null
					&& ((LocalDate) after.get("date")).getYear() != (Integer) after.get("year")) {
				problems.add(UserError.Code.INVALID, "The day must fall within the year.", "input", "date");
			}
			if (input.note() != null) {
				after.put("note", problems.name(input.note(), false, 500, "input", "note"));
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			this.writes.update(id, before, after, now);
			Map<String, Object> changed = new LinkedHashMap<>(after);
			changed.remove("version");
			this.audit.record("Investment", id, "UPDATE", Changes.between(before, changed), now);
			return new InvestmentPayload(find(id), List.of());
		}, (problems) -> new InvestmentPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public DeletePayload deleteInvestment(@Argument DeleteInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = problems.key(input.id(), "Investment", true, "input", "id")
				.flatMap((id) -> problems.found(this.writes.lock(id), "Investment", "input", "id"));
			if (current.isEmpty() || !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "Investment", "input.id");
			LocalDateTime now = Audit.now();
			this.writes.delete(id, current.get(), now);
			this.audit.record("Investment", id, "DELETE", new Changes().field("deletedAt", null, now), now);
			return new DeletePayload(input.id(), List.of());
		}, (problems) -> new DeletePayload(null, problems.errors()));
	}

	private static boolean versionMatches(Problems problems, Map<String, Object> current, Long expected) {
		return Versions.matches(problems, (Long) current.get("version"), expected);
	}

	private Investment find(long id) {
		return this.investments.findAllById(List.of(id)).get(0);
	}

}
