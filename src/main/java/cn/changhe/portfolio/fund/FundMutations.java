package cn.changhe.portfolio.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
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

/**
 * Keeps the funds, their investors, the investors' commitments and the capital called on them.
 * The rules that hold between them: a fund's commitments add up to at most its size, each in the
 * fund's currency, one per investor; what is called of a commitment never exceeds what was
 * committed.
 */
@Controller
class FundMutations {

	private final Writer writer;

	private final FundWrites writes;

	FundMutations(Writer writer, FundWrites writes) {
		this.writer = writer;
		this.writes = writes;
	}

	record CreateFundInput(String name, String nameEn, MoneyInput size, Integer vintageYear, String managerId,
			List<String> focusSectorIds) {
	}

	record UpdateFundInput(String id, Long expectedVersion, String name, String nameEn, MoneyInput size,
			Integer vintageYear, String managerId, List<String> focusSectorIds) {
	}

	record FundPayload(Fund fund, List<UserError> userErrors) {
	}

	record CreateInvestorInput(String name, String nameEn, Investor.Type type) {
	}

	record UpdateInvestorInput(String id, Long expectedVersion, String name, String nameEn, Investor.Type type) {
	}

	record InvestorPayload(Investor investor, List<UserError> userErrors) {
	}

	record CreateCommitmentInput(String fundId, String investorId, MoneyInput committed, LocalDate committedOn) {
	}

	record UpdateCommitmentInput(String id, Long expectedVersion, MoneyInput committed, LocalDate committedOn) {
	}

	record RecordCapitalCallInput(String commitmentId, MoneyInput amount, LocalDate calledOn, Long expectedVersion) {
	}

	record CommitmentPayload(Commitment commitment, List<UserError> userErrors) {
	}

	// Funds

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public FundPayload createFund(@Argument CreateFundInput input) {
		return this.writer.create(FundWrites.FUNDS, (problems) -> {
			List<Long> sectors = sectors(problems, input.focusSectorIds());
			return new FundWrites.FundValues(fundName(problems, input.name(), true, null),
					problems.name(input.nameEn(), false, 300, "input", "nameEn"),
					problems.money(input.size(), true, "input", "size"),
					(input.size() != null) ? input.size().currency() : null, vintageYear(problems, input.vintageYear(), true),
					investor(problems, input.managerId(), false, "input", "managerId"),
					(sectors != null) ? sectors : List.of());
		}, this::focusSectors, this::fundPayload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public FundPayload updateFund(@Argument UpdateFundInput input) {
		return this.writer.update(FundWrites.FUNDS, "id", input.id(), input.expectedVersion(), (problems, before) -> {
			FundWrites.FundValues was = before.values();
			long id = before.id();
			BigDecimal size = was.size();
			String currency = was.currency();
			if (input.size() != null) {
				size = problems.money(input.size(), true, "input", "size");
				currency = input.size().currency();
				if (size != null && !problems.has("input", "size", "currency")) {
					if (!currency.equals(was.currency()) && this.writes.hasCommitments(id)) {
						problems.add(UserError.Code.INVALID, "The fund has commitments in " + was.currency()
								+ ": its currency cannot change.", "input", "size", "currency");
					}
					else {
						BigDecimal committed = this.writes.committedTotal(id, currency, null);
						if (size.compareTo(committed) < 0) {
							problems.add(UserError.Code.INVALID, "`input.size` must be at least the sum of the fund's commitments, "
									+ committed.toPlainString() + " " + currency + ".", "input", "size", "amount");
						}
					}
				}
			}
			List<Long> sectors = sectors(problems, input.focusSectorIds());
			return new FundWrites.FundValues((input.name() != null) ? fundName(problems, input.name(), true, id) : was.name(),
					(input.nameEn() != null) ? problems.name(input.nameEn(), false, 300, "input", "nameEn") : was.nameEn(),
					size, currency,
					(input.vintageYear() != null) ? vintageYear(problems, input.vintageYear(), true) : was.vintageYear(),
					(input.managerId() != null) ? investor(problems, input.managerId(), true, "input", "managerId")
							: was.managerId(),
					(sectors != null) ? sectors : was.focusSectorIds());
		}, this::focusSectors, this::fundPayload);
	}

	private void focusSectors(long id, FundWrites.FundValues fund, Problems problems) {
		this.writes.replaceFocusSectors(id, fund.focusSectorIds());
	}

	// Investors

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public InvestorPayload createInvestor(@Argument CreateInvestorInput input) {
		return this.writer.create(FundWrites.INVESTORS,
				(problems) -> new FundWrites.InvestorValues(investorName(problems, input.name(), null),
						problems.name(input.nameEn(), false, 300, "input", "nameEn"), investorType(problems, input.type())),
				this::investorPayload);
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public InvestorPayload updateInvestor(@Argument UpdateInvestorInput input) {
		return this.writer.update(FundWrites.INVESTORS, input.id(), input.expectedVersion(), (problems, before) -> {
			FundWrites.InvestorValues was = before.values();
			return new FundWrites.InvestorValues(
					(input.name() != null) ? investorName(problems, input.name(), before.id()) : was.name(),
					(input.nameEn() != null) ? problems.name(input.nameEn(), false, 300, "input", "nameEn") : was.nameEn(),
					(input.type() != null) ? input.type() : was.type());
		}, this::investorPayload);
	}

	// Commitments and capital calls

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public CommitmentPayload createCommitment(@Argument CreateCommitmentInput input) {
		return this.writer.create(FundWrites.COMMITMENTS, (problems) -> {
			Optional<Locked<FundWrites.FundValues>> fund = problems.key(input.fundId(), "Fund", true, "input", "fundId")
				.flatMap((id) -> problems.found(this.writer.lock(FundWrites.FUNDS, id), "Fund", "input", "fundId"));
			Long investorId = investor(problems, input.investorId(), true, "input", "investorId");
			BigDecimal committed = positive(problems, problems.money(input.committed(), true, "input", "committed"),
					"input", "committed");
			LocalDate committedOn = problems.pastDate(input.committedOn(), false, "input", "committedOn");
			if (fund.isPresent() && investorId != null && this.writes.commitmentExists(fund.get().id(), investorId)) {
				problems.add(UserError.Code.DUPLICATE, FundWrites.COMMITTED_ALREADY, "input", "investorId");
			}
			String currency = fund.map((f) -> f.values().currency()).orElse(null);
			if (fund.isPresent() && committed != null && !problems.has("input", "committed", "currency")) {
				if (!currency.equals(input.committed().currency())) {
					problems.add(UserError.Code.INVALID, "`input.committed` must be in the fund's currency, " + currency + ".",
							"input", "committed", "currency");
				}
				else {
					withinSize(problems, fund.get().values(),
							this.writes.committedTotal(fund.get().id(), currency, null), committed);
				}
			}
			return new FundWrites.CommitmentValues(fund.map(Locked::id).orElse(null), investorId, committed,
					BigDecimal.ZERO.setScale(2), currency, committedOn);
		}, (id, commitment, problems) -> entered(commitment), this::commitmentPayload);
	}

	/**
	 * A new commitment brings its fund into its investor's sight, with the fund's equity investments
	 * and the enterprises they went to (those not already in sight through another fund): the
	 * partners' change feed says so, for records written before it that it would not show otherwise.
	 */
	private void entered(FundWrites.CommitmentValues commitment) {
		long investor = commitment.investorId();
		this.writer.entered(investor, "Fund", commitment.fundId());
		for (long investment : this.writes.equityInvestmentsOf(commitment.fundId())) {
			this.writer.entered(investor, "Investment", investment);
		}
		for (long enterprise : this.writes.enterprisesNewToInvestor(commitment.fundId(), investor)) {
			this.writer.entered(investor, "Enterprise", enterprise);
		}
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public CommitmentPayload updateCommitment(@Argument UpdateCommitmentInput input) {
		// The fund first, then the commitment: the order every writer of commitments locks in.
		AtomicReference<FundWrites.FundValues> fund = new AtomicReference<>();
		Function<Problems, Optional<Locked<FundWrites.CommitmentValues>>> lock = (problems) -> {
			Optional<Long> key = problems.key(input.id(), "Commitment", true, "input", "id");
			if (key.isEmpty()) {
				return Optional.empty();
			}
			Optional<Locked<FundWrites.FundValues>> locked = this.writes.fundOfCommitment(key.get())
				.flatMap((id) -> this.writer.lock(FundWrites.FUNDS, id));
			if (locked.isEmpty()) { // no live commitment, or none of a live fund
				return problems.found(Optional.empty(), "Commitment", "input", "id");
			}
			fund.set(locked.get().values());
			return this.writer.lock(FundWrites.COMMITMENTS, problems, "id", input.id(), input.expectedVersion());
		};
		return this.writer.update(FundWrites.COMMITMENTS, lock, (problems, before) -> {
			FundWrites.CommitmentValues was = before.values();
			long id = before.id();
			String currency = was.currency();
			BigDecimal committed = was.committed();
			if (input.committed() != null) {
				committed = positive(problems, problems.money(input.committed(), true, "input", "committed"), "input",
						"committed");
				if (committed != null && !problems.has("input", "committed", "currency")) {
					if (!currency.equals(input.committed().currency())) {
						problems.add(UserError.Code.INVALID,
								"`input.committed` must be in the commitment's currency, " + currency + ".", "input",
								"committed", "currency");
					}
					else if (committed.compareTo(was.called()) < 0) {
						problems.add(UserError.Code.INVALID, "`input.committed` must be at least what has been called of it, "
								+ was.called().toPlainString() + " " + currency + ".", "input", "committed", "amount");
					}
					else {
						withinSize(problems, fund.get(), this.writes.committedTotal(was.fundId(), currency, id), committed);
					}
				}
			}
			LocalDate committedOn = was.committedOn();
			if (input.committedOn() != null) {
				committedOn = problems.pastDate(input.committedOn(), false, "input", "committedOn");
				Optional<LocalDate> firstCall = this.writes.firstCallOn(id);
				if (committedOn != null && firstCall.isPresent() && committedOn.isAfter(firstCall.get())) {
					problems.add(UserError.Code.OUT_OF_ORDER, "`input.committedOn` must not be after the first capital call on "
							+ firstCall.get() + ".", "input", "committedOn");
				}
			}
			return new FundWrites.CommitmentValues(was.fundId(), was.investorId(), committed, was.called(), currency,
					committedOn);
		}, Writer.Then.nothing(), this::commitmentPayload);
	}

	/**
	 * Removes a commitment on which nothing has been called (a call is money paid in: it stays on the
	 * record). The fund leaves its investor's partners' sight: the change sequencer tells their feed
	 * so ({@code changes/Sight}).
	 */
	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public Writer.DeletePayload deleteCommitment(@Argument Writer.DeleteInput input) {
		return this.writer.delete(FundWrites.COMMITMENTS, input, (id, commitment, problems) -> {
			if (commitment.called().signum() > 0) {
				problems.add(UserError.Code.INVALID, "Capital has been called on the commitment ("
						+ commitment.called().toPlainString() + " " + commitment.currency() + "); it stays on the record.",
						"input", "id");
			}
		});
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public CommitmentPayload recordCapitalCall(@Argument RecordCapitalCallInput input) {
		return this.writer.transaction((problems) -> {
			Optional<Locked<FundWrites.CommitmentValues>> current = this.writer.lock(FundWrites.COMMITMENTS, problems,
					"commitmentId", input.commitmentId(), input.expectedVersion(), false);
			if (current.isEmpty()) {
				return null;
			}
			long id = current.get().id();
			FundWrites.CommitmentValues commitment = current.get().values();
			String currency = commitment.currency();
			BigDecimal committed = commitment.committed();
			BigDecimal called = commitment.called();
			BigDecimal amount = positive(problems, problems.money(input.amount(), true, "input", "amount"), "input",
					"amount");
			if (amount != null && !problems.has("input", "amount", "currency")) {
				if (!currency.equals(input.amount().currency())) {
					problems.add(UserError.Code.INVALID, "`input.amount` must be in the commitment's currency, " + currency + ".",
							"input", "amount", "currency");
				}
				else if (called.add(amount).compareTo(committed) > 0) {
					problems.add(UserError.Code.INVALID, "Called never exceeds committed: at most "
							+ committed.subtract(called).toPlainString() + " " + currency + " of the commitment is uncalled.",
							"input", "amount", "amount");
				}
			}
			LocalDate calledOn = problems.pastDate(input.calledOn(), true, "input", "calledOn");
			LocalDate committedOn = commitment.committedOn();
			if (calledOn != null && committedOn != null && calledOn.isBefore(committedOn)) {
				problems.add(UserError.Code.OUT_OF_ORDER,
						"`input.calledOn` must not be before the day of the commitment, " + committedOn + ".", "input",
						"calledOn");
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			long callId = this.writes.insertCapitalCall(id, amount, calledOn, this.writer.source(), now);
			if (this.writes.raiseCalled(id, amount, current.get().version(), now) != 1) {
				problems.add(UserError.Code.CONFLICT, "The commitment changed meanwhile: read it again and reapply the call.",
						"input", "commitmentId");
				return null;
			}
			Changes changes = new Changes().field("called", called, called.add(amount))
				.field("capitalCallId", null, callId)
				.field("amount", null, amount)
				.field("calledOn", null, calledOn);
			this.writer.audit("Commitment", id, "CAPITAL_CALL", changes, now);
			return commitmentPayload(id, List.of());
		}, (problems) -> commitmentPayload(null, problems.errors()));
	}

	// Checks

	private String fundName(Problems problems, String value, boolean required, Long exceptId) {
		String name = problems.name(value, required, 200, "input", "name");
		if (name != null && this.writes.fundNameTaken(name, exceptId)) {
			problems.add(UserError.Code.DUPLICATE, "Another fund has this name.", "input", "name");
			return null;
		}
		return name;
	}

	private String investorName(Problems problems, String value, Long exceptId) {
		String name = problems.name(value, true, 200, "input", "name");
		if (name != null && this.writes.investorNameTaken(name, exceptId)) {
			problems.add(UserError.Code.DUPLICATE, "Another investor has this name.", "input", "name");
			return null;
		}
		return name;
	}

	private static Investor.Type investorType(Problems problems, Investor.Type type) {
		if (type == null) {
			problems.add(UserError.Code.REQUIRED, "`input.type` is required.", "input", "type");
		}
		return type;
	}

	/** A vintage year: a year within reason, and not after this one (a fund's vintage is a fact, not a plan). */
	private static Integer vintageYear(Problems problems, Integer value, boolean required) {
		Integer year = problems.year(value, required, "input", "vintageYear");
		if (year != null && year > LocalDate.now(ZoneOffset.UTC).getYear()) {
			problems.add(UserError.Code.INVALID, "`input.vintageYear` must not be after this year.", "input", "vintageYear");
			return null;
		}
		return year;
	}

	/** The key of a live investor, or null (with a problem where the id is wrong). */
	private Long investor(Problems problems, String id, boolean required, String... path) {
		return this.writer.reference(problems, id, "Investor", "investor", required, path);
	}

	/** The keys of the sectors, each once, smallest first; null where no list was given. */
	private List<Long> sectors(Problems problems, List<String> ids) {
		if (ids == null) {
			return null;
		}
		TreeSet<Long> keys = new TreeSet<>();
		for (int i = 0; i < ids.size(); i++) {
			String[] path = { "input", "focusSectorIds", String.valueOf(i) };
			Long key = this.writer.reference(problems, ids.get(i), "Sector", "sector", true, path);
			if (key != null) {
				keys.add(key);
			}
		}
		return new ArrayList<>(keys);
	}

	/** An amount that is more than zero; null (with a problem) where it is zero. */
	private static BigDecimal positive(Problems problems, BigDecimal amount, String... path) {
		if (amount != null && amount.signum() == 0) {
			String[] field = java.util.Arrays.copyOf(path, path.length + 1);
			field[path.length] = "amount";
			problems.add(UserError.Code.INVALID, "`" + String.join(".", path) + "` must be more than zero.", field);
			return null;
		}
		return amount;
	}

	/** A problem where the fund's other commitments and this one add up to more than the fund's size. */
	private static void withinSize(Problems problems, FundWrites.FundValues fund, BigDecimal others,
			BigDecimal committed) {
		BigDecimal size = fund.size();
		if (others.add(committed).compareTo(size) > 0) {
			BigDecimal room = size.subtract(others).max(BigDecimal.ZERO);
			problems.add(UserError.Code.INVALID, "The fund's commitments would add up to more than its size of "
					+ size.toPlainString() + " " + fund.currency() + ": at most " + room.toPlainString()
					+ " remains to be committed.", "input", "committed", "amount");
		}
	}

	private FundPayload fundPayload(Long id, List<UserError> errors) {
		return new FundPayload(this.writer.read(Fund.class, id), errors);
	}

	private InvestorPayload investorPayload(Long id, List<UserError> errors) {
		return new InvestorPayload(this.writer.read(Investor.class, id), errors);
	}

	private CommitmentPayload commitmentPayload(Long id, List<UserError> errors) {
		return new CommitmentPayload(this.writer.read(Commitment.class, id), errors);
	}

}
