package cn.changhe.portfolio.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

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
 * Keeps the funds, their investors, the investors' commitments and the capital called on them.
 * The rules that hold between them: a fund's commitments add up to at most its size, each in the
 * fund's currency, one per investor; what is called of a commitment never exceeds what was
 * committed.
 */
@Controller
class FundMutations {

	private final FundWrites writes;

	private final FundRepository funds;

	private final InvestorRepository investors;

	private final CommitmentRepository commitments;

	private final Audit audit;

	private final Actor actor;

	private final TransactionTemplate tx;

	FundMutations(FundWrites writes, FundRepository funds, InvestorRepository investors,
			CommitmentRepository commitments, Audit audit, Actor actor, TransactionTemplate tx) {
		this.writes = writes;
		this.funds = funds;
		this.investors = investors;
		this.commitments = commitments;
		this.audit = audit;
		this.actor = actor;
		this.tx = tx;
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
		return Payloads.transaction(this.tx, (problems) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", fundName(problems, input.name(), true, null));
			fields.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			fields.put("size", problems.money(input.size(), true, "input", "size"));
			fields.put("currency", (input.size() != null) ? input.size().currency() : null);
			fields.put("vintageYear", vintageYear(problems, input.vintageYear(), true));
			fields.put("managerId", investor(problems, input.managerId(), false, "input", "managerId"));
			List<Long> requested = sectors(problems, input.focusSectorIds());
			List<Long> sectors = (requested != null) ? requested : List.of();
			fields.put("focusSectorIds", sectors);
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			long id;
			try {
				id = this.writes.insertFund(fields, source(), now);
			}
			catch (DuplicateKeyException ex) {
				problems.add(UserError.Code.DUPLICATE, "Another fund has this name.", "input", "name");
				return null;
			}
			this.writes.replaceFocusSectors(id, sectors);
			this.audit.record("Fund", id, "CREATE", Changes.created(fields), now);
			return new FundPayload(findFund(id), List.of());
		}, (problems) -> new FundPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public FundPayload updateFund(@Argument UpdateFundInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = problems.key(input.id(), "Fund", true, "input", "id")
				.flatMap((id) -> problems.found(this.writes.lockFund(id), "Fund", "input", "id"));
			if (current.isEmpty() || !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "Fund", "input.id");
			Map<String, Object> before = current.get();
			before.put("focusSectorIds", this.writes.focusSectorIds(id));
			Map<String, Object> after = new LinkedHashMap<>(before);
			after.remove("version");
			if (input.name() != null) {
				after.put("name", fundName(problems, input.name(), true, id));
			}
			if (input.nameEn() != null) {
				after.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			}
			if (input.size() != null) {
				BigDecimal size = problems.money(input.size(), true, "input", "size");
				String currency = input.size().currency();
				if (size != null && !problems.has("input", "size", "currency")) {
					if (!currency.equals(before.get("currency")) && this.writes.hasCommitments(id)) {
						problems.add(UserError.Code.INVALID, "The fund has commitments in " + before.get("currency")
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
				after.put("size", size);
				after.put("currency", currency);
			}
			if (input.vintageYear() != null) {
				after.put("vintageYear", vintageYear(problems, input.vintageYear(), true));
			}
			if (input.managerId() != null) {
				after.put("managerId", investor(problems, input.managerId(), true, "input", "managerId"));
			}
			List<Long> sectors = sectors(problems, input.focusSectorIds());
			if (sectors != null) {
				after.put("focusSectorIds", sectors);
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			try {
				this.writes.updateFund(id, after, (Long) before.get("version"), now);
			}
			catch (DuplicateKeyException ex) {
				problems.add(UserError.Code.DUPLICATE, "Another fund has this name.", "input", "name");
				return null;
			}
			if (sectors != null) {
				this.writes.replaceFocusSectors(id, sectors);
			}
			this.audit.record("Fund", id, "UPDATE", Changes.between(before, after), now);
			return new FundPayload(findFund(id), List.of());
		}, (problems) -> new FundPayload(null, problems.errors()));
	}

	// Investors

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public InvestorPayload createInvestor(@Argument CreateInvestorInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("name", investorName(problems, input.name(), null));
			fields.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			fields.put("type", investorType(problems, input.type()));
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			long id;
			try {
				id = this.writes.insertInvestor(fields, source(), now);
			}
			catch (DuplicateKeyException ex) {
				problems.add(UserError.Code.DUPLICATE, "Another investor has this name.", "input", "name");
				return null;
			}
			this.audit.record("Investor", id, "CREATE", Changes.created(fields), now);
			return new InvestorPayload(findInvestor(id), List.of());
		}, (problems) -> new InvestorPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public InvestorPayload updateInvestor(@Argument UpdateInvestorInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Map<String, Object>> current = problems.key(input.id(), "Investor", true, "input", "id")
				.flatMap((id) -> problems.found(this.writes.lockInvestor(id), "Investor", "input", "id"));
			if (current.isEmpty() || !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			long id = GlobalId.keyOf(input.id(), "Investor", "input.id");
			Map<String, Object> before = current.get();
			Map<String, Object> after = new LinkedHashMap<>(before);
			after.remove("version");
			if (input.name() != null) {
				after.put("name", investorName(problems, input.name(), id));
			}
			if (input.nameEn() != null) {
				after.put("nameEn", problems.name(input.nameEn(), false, 300, "input", "nameEn"));
			}
			if (input.type() != null) {
				after.put("type", input.type().name());
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			try {
				this.writes.updateInvestor(id, after, (Long) before.get("version"), now);
			}
			catch (DuplicateKeyException ex) {
				problems.add(UserError.Code.DUPLICATE, "Another investor has this name.", "input", "name");
				return null;
			}
			this.audit.record("Investor", id, "UPDATE", Changes.between(before, after), now);
			return new InvestorPayload(findInvestor(id), List.of());
		}, (problems) -> new InvestorPayload(null, problems.errors()));
	}

	// Commitments and capital calls

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public CommitmentPayload createCommitment(@Argument CreateCommitmentInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Long> fundId = problems.key(input.fundId(), "Fund", true, "input", "fundId");
			Optional<Map<String, Object>> fund = fundId
				.flatMap((id) -> problems.found(this.writes.lockFund(id), "Fund", "input", "fundId"));
			Long investorId = investor(problems, input.investorId(), true, "input", "investorId");
			BigDecimal committed = positive(problems, problems.money(input.committed(), true, "input", "committed"),
					"input", "committed");
			LocalDate committedOn = problems.pastDate(input.committedOn(), false, "input", "committedOn");
			if (fund.isPresent() && investorId != null && this.writes.commitmentExists(fundId.get(), investorId)) {
				problems.add(UserError.Code.DUPLICATE, "The investor already has a commitment to this fund.", "input",
						"investorId");
			}
			String currency = fund.map((f) -> (String) f.get("currency")).orElse(null);
			if (fund.isPresent() && committed != null && !problems.has("input", "committed", "currency")) {
				if (!currency.equals(input.committed().currency())) {
					problems.add(UserError.Code.INVALID, "`input.committed` must be in the fund's currency, " + currency + ".",
							"input", "committed", "currency");
				}
				else {
					withinSize(problems, fund.get(), this.writes.committedTotal(fundId.get(), currency, null), committed);
				}
			}
			if (problems.any()) {
				return null;
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("fundId", fundId.get());
			fields.put("investorId", investorId);
			fields.put("committed", committed);
			fields.put("called", BigDecimal.ZERO.setScale(2));
			fields.put("currency", currency);
			fields.put("committedOn", committedOn);
			LocalDateTime now = Audit.now();
			long id;
			try {
				id = this.writes.insertCommitment(fields, source(), now);
			}
			catch (DuplicateKeyException ex) {
				problems.add(UserError.Code.DUPLICATE, "The investor already has a commitment to this fund.", "input",
						"investorId");
				return null;
			}
			this.audit.record("Commitment", id, "CREATE", Changes.created(fields), now);
			return new CommitmentPayload(findCommitment(id), List.of());
		}, (problems) -> new CommitmentPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public CommitmentPayload updateCommitment(@Argument UpdateCommitmentInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Long> key = problems.key(input.id(), "Commitment", true, "input", "id");
			if (key.isEmpty()) {
				return null;
			}
			long id = key.get();
			// The fund first, then the commitment: the order every writer of commitments locks in.
			Optional<Map<String, Object>> fund = this.writes.fundOfCommitment(id).flatMap(this.writes::lockFund);
			Optional<Map<String, Object>> current = problems
				.found(fund.isPresent() ? this.writes.lockCommitment(id) : Optional.empty(), "Commitment", "input", "id");
			if (current.isEmpty() || !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			Map<String, Object> before = current.get();
			Map<String, Object> after = new LinkedHashMap<>(before);
			after.remove("version");
			String currency = (String) before.get("currency");
			if (input.committed() != null) {
				BigDecimal committed = positive(problems, problems.money(input.committed(), true, "input", "committed"),
						"input", "committed");
				if (committed != null && !problems.has("input", "committed", "currency")) {
					BigDecimal called = (BigDecimal) before.get("called");
					if (!currency.equals(input.committed().currency())) {
						problems.add(UserError.Code.INVALID,
								"`input.committed` must be in the commitment's currency, " + currency + ".", "input",
								"committed", "currency");
					}
					else if (committed.compareTo(called) < 0) {
						problems.add(UserError.Code.INVALID, "`input.committed` must be at least what has been called of it, "
								+ called.toPlainString() + " " + currency + ".", "input", "committed", "amount");
					}
					else {
						withinSize(problems, fund.get(), this.writes.committedTotal((Long) before.get("fundId"), currency, id),
								committed);
					}
				}
				after.put("committed", committed);
			}
			if (input.committedOn() != null) {
				LocalDate committedOn = problems.pastDate(input.committedOn(), false, "input", "committedOn");
				Optional<LocalDate> firstCall = this.writes.firstCallOn(id);
				if (committedOn != null && firstCall.isPresent() && committedOn.isAfter(firstCall.get())) {
					problems.add(UserError.Code.OUT_OF_ORDER, "`input.committedOn` must not be after the first capital call on "
							+ firstCall.get() + ".", "input", "committedOn");
				}
				after.put("committedOn", committedOn);
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			this.writes.updateCommitment(id, after, (Long) before.get("version"), now);
			this.audit.record("Commitment", id, "UPDATE", Changes.between(before, after), now);
			return new CommitmentPayload(findCommitment(id), List.of());
		}, (problems) -> new CommitmentPayload(null, problems.errors()));
	}

	@MutationMapping
	@PreAuthorize(Access.WRITE)
	public CommitmentPayload recordCapitalCall(@Argument RecordCapitalCallInput input) {
		return Payloads.transaction(this.tx, (problems) -> {
			Optional<Long> key = problems.key(input.commitmentId(), "Commitment", true, "input", "commitmentId");
			Optional<Map<String, Object>> current = key
				.flatMap((id) -> problems.found(this.writes.lockCommitment(id), "Commitment", "input", "commitmentId"));
			if (current.isEmpty()) {
				return null;
			}
			if (input.expectedVersion() != null && !versionMatches(problems, current.get(), input.expectedVersion())) {
				return null;
			}
			long id = key.get();
			Map<String, Object> commitment = current.get();
			String currency = (String) commitment.get("currency");
			BigDecimal committed = (BigDecimal) commitment.get("committed");
			BigDecimal called = (BigDecimal) commitment.get("called");
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
			LocalDate committedOn = (LocalDate) commitment.get("committedOn");
			if (calledOn != null && committedOn != null && calledOn.isBefore(committedOn)) {
				problems.add(UserError.Code.OUT_OF_ORDER,
						"`input.calledOn` must not be before the day of the commitment, " + committedOn + ".", "input",
						"calledOn");
			}
			if (problems.any()) {
				return null;
			}
			LocalDateTime now = Audit.now();
			long callId = this.writes.insertCapitalCall(id, amount, calledOn, source(), now);
			if (this.writes.raiseCalled(id, amount, (Long) commitment.get("version"), now) != 1) {
				problems.add(UserError.Code.CONFLICT, "The commitment changed meanwhile: read it again and reapply the call.",
						"input", "commitmentId");
				return null;
			}
			Changes changes = new Changes().field("called", called, called.add(amount))
				.field("capitalCallId", null, callId)
				.field("amount", null, amount)
				.field("calledOn", null, calledOn);
			this.audit.record("Commitment", id, "CAPITAL_CALL", changes, now);
			return new CommitmentPayload(findCommitment(id), List.of());
		}, (problems) -> new CommitmentPayload(null, problems.errors()));
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

	private static String investorType(Problems problems, Investor.Type type) {
		if (type == null) {
			problems.add(UserError.Code.REQUIRED, "`input.type` is required.", "input", "type");
			return null;
		}
		return type.name();
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
		return problems.key(id, "Investor", required, path)
			.flatMap((key) -> problems.found(this.writes.investorExists(key) ? Optional.of(key) : Optional.empty(),
					"Investor", path))
			.orElse(null);
	}

	/** The keys of the sectors, each once, smallest first; null where no list was given. */
	private List<Long> sectors(Problems problems, List<String> ids) {
		if (ids == null) {
			return null;
		}
		TreeSet<Long> keys = new TreeSet<>();
		for (int i = 0; i < ids.size(); i++) {
			String[] path = { "input", "focusSectorIds", String.valueOf(i) };
			problems.key(ids.get(i), "Sector", true, path)
				.flatMap((key) -> problems.found(this.writes.sectorExists(key) ? Optional.of(key) : Optional.empty(),
						"Sector", path))
				.ifPresent(keys::add);
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
	private static void withinSize(Problems problems, Map<String, Object> fund, BigDecimal others, BigDecimal committed) {
		BigDecimal size = (BigDecimal) fund.get("size");
		if (others.add(committed).compareTo(size) > 0) {
			BigDecimal room = size.subtract(others).max(BigDecimal.ZERO);
			problems.add(UserError.Code.INVALID, "The fund's commitments would add up to more than its size of "
					+ size.toPlainString() + " " + fund.get("currency") + ": at most " + room.toPlainString()
					+ " remains to be committed.", "input", "committed", "amount");
		}
	}

	static boolean versionMatches(Problems problems, Map<String, Object> current, Long expected) {
		return Versions.matches(problems, (Long) current.get("version"), expected);
	}

	private String source() {
		return "API: " + this.actor.current();
	}

	private Fund findFund(long id) {
		return this.funds.findAllById(List.of(id)).get(0);
	}

	private Investor findInvestor(long id) {
		return this.investors.findAllById(List.of(id)).get(0);
	}

	private Commitment findCommitment(long id) {
		return this.commitments.findAllById(List.of(id)).get(0);
	}

}
