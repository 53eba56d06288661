package cn.changhe.portfolio.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
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

@Controller
class InvestmentMutations {

	private final Writer writer;

	private final InvestmentRepository investments;

	InvestmentMutations(Writer writer, InvestmentRepository investments) {
		this.writer = writer;
		this.investments = investments;
	}

	record RecordInvestmentInput(InvestmentKind kind, MoneyInput amount, Integer year, LocalDate date, String projectId,
			String enterpriseId, String fundId, String note) {
	}

	record UpdateInvestmentInput(String id, Long expectedVersion, MoneyInput amount, Integer year, LocalDate date,
			String note) {
	}

	record InvestmentPayload(Investment investment, List<UserError> userErrors) {
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public InvestmentPayload recordInvestment(@Argument RecordInvestmentInput input) {
		return this.writer.create(InvestmentWrites.INVESTMENTS, (problems) -> {
			if (problems.absent(input.kind(), true, "input", "kind")) {
				return null;
			}
			BigDecimal amount = problems.money(input.amount(), true, "input", "amount");
			Integer year = problems.year(input.year(), true, "input", "year");
			LocalDate date = problems.pastDate(input.date(), false, "input", "date");
			if (date != null && year != null && date.getYear() != year) {
				problems.add(UserError.Code.INVALID, "`input.date` must fall within `input.year`.", "input", "date");
			}
			Links links = links(problems, input);
			return new InvestmentWrites.Values(input.kind(), amount,
					(input.amount() != null) ? input.amount().currency() : null, year, date, links.projectId(),
					links.enterpriseId(), links.fundId(), links.sectorId(),
					problems.name(input.note(), false, 500, "input", "note"));
		}, this::payload);
	}

	/** The project, enterprise, fund and sector a ledger row belongs to. */
	private record Links(Long projectId, Long enterpriseId, Long fundId, Long sectorId) {
	}

	/** Which project, enterprise and fund the row belongs to, as its kind requires, and its sector. */
	private Links links(Problems problems, RecordInvestmentInput input) {
		Optional<Long> project = problems.key(input.projectId(), "Project", false, "input", "projectId");
		Optional<Long> enterprise = problems.key(input.enterpriseId(), "Enterprise", false, "input", "enterpriseId");
		Optional<Long> fund = problems.key(input.fundId(), "Fund", false, "input", "fundId");
		Optional<long[]> projectRow = project.flatMap((id) -> problems.found(this.investments.project(id), "Project", "input", "projectId"));
		Optional<Long> enterpriseSector = enterprise
			.flatMap((id) -> problems.found(this.investments.enterpriseSector(id), "Enterprise", "input", "enterpriseId"));
		Optional<String> fundCurrency = fund.flatMap((id) -> problems.found(this.investments.fundCurrency(id), "Fund", "input", "fundId"));
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
		return new Links(project.orElse(null), enterpriseId, fund.orElse(null), sectorId);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public InvestmentPayload updateInvestment(@Argument UpdateInvestmentInput input) {
		return this.writer.update(InvestmentWrites.INVESTMENTS, input.id(), input.expectedVersion(), (problems, before) -> {
			InvestmentWrites.Values was = before.values();
			BigDecimal amount = was.amount();
			if (input.amount() != null) {
				amount = problems.money(input.amount(), true, "input", "amount");
				if (!was.currency().equals(input.amount().currency())) {
					problems.add(UserError.Code.INVALID, "A row keeps its currency, " + was.currency()
							+ "; delete it and record a new one.", "input", "amount", "currency");
				}
			}
			Integer year = (input.year() != null) ? problems.year(input.year(), true, "input", "year") : was.year();
			LocalDate date = (input.date() != null) ? problems.pastDate(input.date(), false, "input", "date") : was.date();
			if (date != null && year != null && date.getYear() != year) {
				problems.add(UserError.Code.INVALID, "The day must fall within the year.", "input", "date");
			}
			return new InvestmentWrites.Values(was.kind(), amount, was.currency(), year, date, was.projectId(),
					was.enterpriseId(), was.fundId(), was.sectorId(),
					(input.note() != null) ? problems.name(input.note(), false, 500, "input", "note") : was.note());
		}, this::payload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public Writer.DeletePayload deleteInvestment(@Argument Writer.DeleteInput input) {
		return this.writer.delete(InvestmentWrites.INVESTMENTS, input, Writer.Then.nothing());
	}

	private InvestmentPayload payload(Long id, List<UserError> errors) {
		return new InvestmentPayload(this.writer.read(Investment.class, id), errors);
	}

}
