package cn.changhe.portfolio.demo;

import static cn.changhe.portfolio.demo.Provenance.ILLUSTRATIVE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A project as the demo tells it: who, which sector, how big, the date each stage was reached, its
 * spells on the 五未 list, and the foreign capital and re-loans it received.
 *
 * @param owner the enterprise's name, or null for the next illustrative enterprise of the sector
 * @param milestones the date each stage was reached, from SIGNED on, one per stage reached
 * @param reportedStage the stage whose milestone the report states (null: all are illustrative)
 */
record ProjectPlan(String name, String nameEn, String owner, Sector sector, BigDecimal totalInvestment,
		BigDecimal foreignInvestmentUsd, BigDecimal landAreaMu, boolean provincialMajor, boolean reclaimedLand,
		List<LocalDate> milestones, List<StallPlan> stalls, List<Funding> fundings, String reportedStage) {

	/** The stages in the order they are reached: 签约 → 备案 → 开工 → 竣工 → 投产 → 上规. */
	static final List<String> STAGES = List.of("SIGNED", "REGISTERED", "STARTED", "COMPLETED", "IN_PRODUCTION",
			"ABOVE_SIZE");

	/** The 五未 category of a project listed while at the stage of the same index. */
	static final List<String> STALL_CATEGORIES = List.of("SIGNED_NOT_LANDED", "LANDED_NOT_STARTED",
			"STARTED_NOT_COMPLETED", "COMPLETED_NOT_PRODUCING", "PRODUCING_BELOW_CAPACITY");

	static final int SIGNED = 0;

	static final int STARTED = 2;

	static final int COMPLETED = 3;

	static final int IN_PRODUCTION = 4;

	/** The dataset's last day: the report came out early in 2025. */
	static final LocalDate LAST_DAY = LocalDate.of(2025, 2, 28);

	ProjectPlan {
		milestones = List.copyOf(milestones);
		stalls = List.copyOf(stalls);
		fundings = List.copyOf(fundings);
	}

	static ProjectPlan of(String name, String nameEn, String owner, Sector sector, BigDecimal totalInvestment) {
		return new ProjectPlan(name, nameEn, owner, sector, totalInvestment, null, null, false, false, List.of(),
				List.of(), List.of(), null);
	}

	/** The dates the stages were reached, from SIGNED on (ISO dates). */
	ProjectPlan on(String... dates) {
		return new ProjectPlan(this.name, this.nameEn, this.owner, this.sector, this.totalInvestment,
				this.foreignInvestmentUsd, this.landAreaMu, this.provincialMajor, this.reclaimedLand,
				Arrays.stream(dates).map(LocalDate::parse).toList(), this.stalls, this.fundings, this.reportedStage);
	}

	ProjectPlan reachedOn(List<LocalDate> dates) {
		return new ProjectPlan(this.name, this.nameEn, this.owner, this.sector, this.totalInvestment,
				this.foreignInvestmentUsd, this.landAreaMu, this.provincialMajor, this.reclaimedLand, dates,
				this.stalls, this.fundings, this.reportedStage);
	}

	ProjectPlan ownedBy(String enterprise) {
		return new ProjectPlan(this.name, this.nameEn, enterprise, this.sector, this.totalInvestment,
				this.foreignInvestmentUsd, this.landAreaMu, this.provincialMajor, this.reclaimedLand, this.milestones,
				this.stalls, this.fundings, this.reportedStage);
	}

	ProjectPlan land(String mu) {
		return new ProjectPlan(this.name, this.nameEn, this.owner, this.sector, this.totalInvestment,
				this.foreignInvestmentUsd, (mu != null) ? new BigDecimal(mu).setScale(2) : null, this.provincialMajor,
				this.reclaimedLand, this.milestones, this.stalls, this.fundings, this.reportedStage);
	}

	/** Foreign capital the project is to bring in, in US dollars. */
	ProjectPlan foreign(String usd) {
		return new ProjectPlan(this.name, this.nameEn, this.owner, this.sector, this.totalInvestment,
				new BigDecimal(usd).setScale(2), this.landAreaMu, this.provincialMajor, this.reclaimedLand,
				this.milestones, this.stalls, this.fundings, this.reportedStage);
	}

	/** On the province's 千项万亿 list of major projects. */
	ProjectPlan onProvincialList() {
		return new ProjectPlan(this.name, this.nameEn, this.owner, this.sector, this.totalInvestment,
				this.foreignInvestmentUsd, this.landAreaMu, true, this.reclaimedLand, this.milestones, this.stalls,
				this.fundings, this.reportedStage);
	}

	/** Built on land freed from a low-efficiency enterprise (腾退地块). */
	ProjectPlan onReclaimedLand() {
		return new ProjectPlan(this.name, this.nameEn, this.owner, this.sector, this.totalInvestment,
				this.foreignInvestmentUsd, this.landAreaMu, this.provincialMajor, true, this.milestones, this.stalls,
				this.fundings, this.reportedStage);
	}

	/** Listed as stalled on a day; cleared when it reaches its next stage. */
	ProjectPlan stall(String listedOn) {
		return withStall(new StallPlan(LocalDate.parse(listedOn), null, ILLUSTRATIVE));
	}

	/** Listed as producing below capacity on a day and cleared on another (reaching capacity is no stage). */
	ProjectPlan stall(String listedOn, String clearedOn, Provenance provenance) {
		return withStall(new StallPlan(LocalDate.parse(listedOn), LocalDate.parse(clearedOn), provenance));
	}

	ProjectPlan withStall(StallPlan stall) {
		List<StallPlan> all = new ArrayList<>(this.stalls);
		all.add(stall);
		return new ProjectPlan(this.name, this.nameEn, this.owner, this.sector, this.totalInvestment,
				this.foreignInvestmentUsd, this.landAreaMu, this.provincialMajor, this.reclaimedLand, this.milestones,
				all, this.fundings, this.reportedStage);
	}

	/** Foreign direct investment actually received on a day, in US dollars. */
	ProjectPlan foreignDirect(String on, String usd) {
		return withFunding(new Funding("FOREIGN_DIRECT", LocalDate.parse(on), new BigDecimal(usd).setScale(2), "USD",
				null));
	}

	/** A technical retrofit and equipment renewal re-loan (技术改造和设备更新专项再贷款), in 亿元. */
	ProjectPlan reLoan(String on, String yi) {
		return withFunding(new Funding("LOAN", LocalDate.parse(on), Amounts.yi(yi), "CNY", "技术改造和设备更新专项再贷款"));
	}

	private ProjectPlan withFunding(Funding funding) {
		List<Funding> all = new ArrayList<>(this.fundings);
		all.add(funding);
		return new ProjectPlan(this.name, this.nameEn, this.owner, this.sector, this.totalInvestment,
				this.foreignInvestmentUsd, this.landAreaMu, this.provincialMajor, this.reclaimedLand, this.milestones,
				this.stalls, all, this.reportedStage);
	}

	/** The report states the date of this stage (the rest of the project is illustrative). */
	ProjectPlan reported(String stage) {
		return new ProjectPlan(this.name, this.nameEn, this.owner, this.sector, this.totalInvestment,
				this.foreignInvestmentUsd, this.landAreaMu, this.provincialMajor, this.reclaimedLand, this.milestones,
				this.stalls, this.fundings, stage);
	}

	/** The latest stage reached. */
	String stage() {
		return STAGES.get(this.milestones.size() - 1);
	}

	/** The day a stage was reached, or null if it was not. */
	LocalDate reached(int stage) {
		return (stage < this.milestones.size()) ? this.milestones.get(stage) : null;
	}

	/** The index of the stage the project was at on a day, or -1 before it was signed. */
	int stageOn(LocalDate day) {
		int stage = -1;
		while (stage + 1 < this.milestones.size() && !this.milestones.get(stage + 1).isAfter(day)) {
			stage++;
		}
		return stage;
	}

	/**
	 * A spell on the 五未 list. Without a clearance date it is cleared the day the project reaches its next
	 * stage, or still open if it has not.
	 */
	record StallPlan(LocalDate listedOn, LocalDate clearedOn, Provenance provenance) {
	}

	/** Money a project received besides its fixed-asset investment. */
	record Funding(String kind, LocalDate on, BigDecimal amount, String currency, String note) {
	}

}
