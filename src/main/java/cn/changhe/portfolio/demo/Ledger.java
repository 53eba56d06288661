package cn.changhe.portfolio.demo;

import static cn.changhe.portfolio.demo.Amounts.yi;
import static cn.changhe.portfolio.demo.Provenance.ILLUSTRATIVE;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import cn.changhe.portfolio.demo.ProjectPlan.Funding;
import cn.changhe.portfolio.demo.Projects.PlacedProject;

/**
 * The investment ledger of the projects: fixed-asset investment by year, foreign direct investment and
 * re-loans. (The funds' equity investments are written with the funds.)
 */
final class Ledger {

	// 固定资产投资 43.1亿元 in 2024, 9.5亿 of it outside manufacturing (制造业投资 33.6亿), and 43.1 / 1.25 in 2023.
	private static final BigDecimal FIXED_ASSETS_2023 = yi("34.48");

	private static final BigDecimal SERVICES_2024 = yi("9.5");

	private static final BigDecimal MANUFACTURING_2024 = yi("33.6");

	private final Insert insert;

	private final Map<Long, BigDecimal> fixedAssetsByProject = new HashMap<>();

	private Ledger(Insert insert) {
		this.insert = insert;
	}

	static void write(Connection connection, Projects projects) throws SQLException {
		Random random = new Random(V1__Zone2024.SEED);
		try (Insert insert = Insert.into(connection, "investment", "kind", "amount", "currency", "year", "invested_on",
				"project_id", "enterprise_id", "fund_id", "sector_id", "note")) {
			Ledger ledger = new Ledger(insert);
			ledger.fixedAssets(random, projects, 2023, (project) -> true, FIXED_ASSETS_2023);
			ledger.fixedAssets(random, projects, 2024, (project) -> project.plan().sector() == Sector.SERVICES,
					SERVICES_2024);
			ledger.fixedAssets(random, projects, 2024, (project) -> project.plan().sector() != Sector.SERVICES,
					MANUFACTURING_2024);
			for (PlacedProject project : projects.all()) {
				for (Funding funding : project.plan().fundings()) {
					insert.add(ILLUSTRATIVE, funding.kind(), funding.amount(), funding.currency(),
							funding.on().getYear(), funding.on(), project.id(), project.enterpriseId(), null,
							project.sectorId(), funding.note());
				}
			}
		}
	}

	/**
	 * Spreads a year's fixed-asset investment over the projects under construction that year, unevenly: in
	 * proportion to their size and to how much of the year they were building, give or take 40%.
	 */
	private void fixedAssets(Random random, Projects projects, int year, Predicate<PlacedProject> which,
			BigDecimal total) throws SQLException {
		LocalDate firstDay = LocalDate.of(year, 1, 1);
		LocalDate lastDay = LocalDate.of(year, 12, 31);
		List<PlacedProject> building = new ArrayList<>();
		List<LocalDate> lastDaysBuilding = new ArrayList<>();
		List<Long> weights = new ArrayList<>();
		for (PlacedProject project : projects.all()) {
			LocalDate started = project.plan().reached(ProjectPlan.STARTED);
			LocalDate completed = project.plan().reached(ProjectPlan.COMPLETED);
			if (!which.test(project) || started == null || started.isAfter(lastDay)
					|| (completed != null && completed.isBefore(firstDay))) {
				continue;
			}
			LocalDate from = started.isBefore(firstDay) ? firstDay : started;
			LocalDate to = (completed != null && completed.isBefore(lastDay)) ? completed : lastDay;
			long days = Math.max(30, ChronoUnit.DAYS.between(from, to) + 1);
			long sizeInWan = project.plan().totalInvestment().divideToIntegralValue(Amounts.WAN).longValueExact();
			building.add(project);
			lastDaysBuilding.add(to);
			weights.add(sizeInWan * days * (60 + random.nextInt(81)));
		}
		List<BigDecimal> amounts = Amounts.split(total, weights, Amounts.WAN);
		for (int i = 0; i < building.size(); i++) {
			PlacedProject project = building.get(i);
			BigDecimal spent = this.fixedAssetsByProject.merge(project.id(), amounts.get(i), BigDecimal::add);
			if (spent.compareTo(project.plan().totalInvestment()) > 0) {
				throw new IllegalStateException(project.plan().name() + " would invest more than its total");
			}
			this.insert.add(ILLUSTRATIVE, "FIXED_ASSET", amounts.get(i), "CNY", year, lastDaysBuilding.get(i),
					project.id(), project.enterpriseId(), null, project.sectorId(), null);
		}
	}

}
