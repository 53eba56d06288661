package cn.changhe.portfolio.demo;

import static cn.changhe.portfolio.demo.Amounts.yi;
import static cn.changhe.portfolio.demo.Enterprises.AOSHI;
import static cn.changhe.portfolio.demo.Enterprises.GENESIS;
import static cn.changhe.portfolio.demo.Enterprises.HANGMO;
import static cn.changhe.portfolio.demo.Enterprises.HANGZHOU;
import static cn.changhe.portfolio.demo.Enterprises.HUFAN;
import static cn.changhe.portfolio.demo.Enterprises.QIDIE;
import static cn.changhe.portfolio.demo.Enterprises.XINSHENG;
import static cn.changhe.portfolio.demo.Enterprises.ZHENZHENG;
import static cn.changhe.portfolio.demo.Provenance.ILLUSTRATIVE;
import static cn.changhe.portfolio.demo.Provenance.REPORTED;
import static cn.changhe.portfolio.demo.Sector.BIOMEDICINE;
import static cn.changhe.portfolio.demo.Sector.ELECTRONIC_INFORMATION;
import static cn.changhe.portfolio.demo.Sector.ENERGY_SAVING_ENVIRONMENTAL;
import static cn.changhe.portfolio.demo.Sector.GREEN_RETROFIT;
import static cn.changhe.portfolio.demo.Sector.HIGH_END_EQUIPMENT;
import static cn.changhe.portfolio.demo.Sector.NEV;
import static cn.changhe.portfolio.demo.Sector.NEW_ENERGY;
import static cn.changhe.portfolio.demo.Sector.NEW_MATERIALS;
import static cn.changhe.portfolio.demo.Sector.ROBOTICS_CNC;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.changhe.portfolio.demo.Enterprises.EnterpriseSeed;

/**
 * The zone's industry funds (over 160亿元 in all), their managers and limited partners, and their equity
 * investments in the zone's enterprises.
 *
 * <p>毅达, 浙商 and 中金 each commit to a different set of funds, and two funds have none of them, so that
 * what one partner sees of the portfolio differs from what another sees.
 */
final class Funds {

	static final String ADDOR = "毅达资本";

	static final String ZHESHANG = "浙商创投";

	static final String CICC = "中金资本";

	static final String HUZHOU_INDUSTRIAL = "湖州市产业投资发展集团";

	static final String ZONE_STATE_CAPITAL = "长合区国有资本投资运营公司";

	static final String HUZHOU_BANK = "湖州银行";

	static final String CHAIN_LEADERS = "长合链主企业联合投资有限公司";

	private static final BigDecimal MILLION = new BigDecimal("1000000");

	private static final List<InvestorSeed> INVESTORS = List.of(
			new InvestorSeed(ADDOR, "Addor Capital", "INSTITUTION", REPORTED),
			new InvestorSeed(ZHESHANG, "Zheshang Venture Capital", "INSTITUTION", REPORTED),
			new InvestorSeed(CICC, "CICC Capital", "INSTITUTION", REPORTED),
			new InvestorSeed(HUZHOU_INDUSTRIAL, "Huzhou Industrial Investment and Development Group", "GOVERNMENT",
					ILLUSTRATIVE),
			new InvestorSeed(ZONE_STATE_CAPITAL, "Changhe Zone State-owned Capital Investment and Operation Co.",
					"GOVERNMENT", ILLUSTRATIVE),
			new InvestorSeed(HUZHOU_BANK, "Bank of Huzhou", "BANK", ILLUSTRATIVE),
			new InvestorSeed(CHAIN_LEADERS, "Changhe Chain-Leader Enterprises Joint Investment Co., Ltd.", "CORPORATE",
					ILLUSTRATIVE));

	// Sizes add up to 163.5亿; each fund's commitments add up to its size.
	private static final List<FundSeed> FUNDS = List.of(
			new FundSeed("湖州长合毅达新兴产业股权投资基金", "Huzhou Changhe Addor Emerging Industries Equity Investment Fund", "30",
					2021, ADDOR, List.of(NEW_MATERIALS, NEW_ENERGY, ELECTRONIC_INFORMATION, BIOMEDICINE),
					List.of(new CommitmentSeed(ADDOR, "6", "4.2", "2021-03-18"),
							new CommitmentSeed(HUZHOU_INDUSTRIAL, "12", "8.4", "2021-03-18"),
							new CommitmentSeed(ZONE_STATE_CAPITAL, "12", "8.4", "2021-03-18")),
					82, 10, List.of(HANGMO)),
			new FundSeed("长合区新能源汽车产业链基金", "Changhe Zone New-Energy Vehicle Industry Chain Fund", "25", 2022, ZHESHANG,
					List.of(NEV),
					List.of(new CommitmentSeed(ZHESHANG, "5", "2.5", "2022-05-10"),
							new CommitmentSeed(ADDOR, "3", "1.5", "2022-05-10"),
							new CommitmentSeed(ZONE_STATE_CAPITAL, "10", "5", "2022-05-10"),
							new CommitmentSeed(HUZHOU_BANK, "7", "3.5", "2022-06-01")),
					86, 8, List.of(XINSHENG, HUFAN)),
			new FundSeed("浙商长合智能制造产业基金", "Zheshang Changhe Intelligent Manufacturing Industry Fund", "18.5", 2023,
					ZHESHANG, List.of(ROBOTICS_CNC, HIGH_END_EQUIPMENT),
					List.of(new CommitmentSeed(ZHESHANG, "3.7", "1.11", "2023-06-08"),
							new CommitmentSeed(HUZHOU_INDUSTRIAL, "7.8", "2.34", "2023-06-08"),
							new CommitmentSeed(CHAIN_LEADERS, "7", "2.1", "2023-06-08")),
					80, 5, List.of(ZHENZHENG)),
			new FundSeed("中金长合高端装备产业基金", "CICC Changhe High-End Equipment Industry Fund", "50", 2024, CICC,
					List.of(HIGH_END_EQUIPMENT, ROBOTICS_CNC, NEV),
					List.of(new CommitmentSeed(CICC, "10", "2", "2024-03-26"),
							new CommitmentSeed(HUZHOU_INDUSTRIAL, "20", "4", "2024-03-26"),
							new CommitmentSeed(ZONE_STATE_CAPITAL, "20", "4", "2024-03-26")),
					75, 4, List.of(GENESIS, HANGZHOU)),
			new FundSeed("长合区产业发展引导基金", "Changhe Zone Industry Development Guidance Fund", "30", 2019,
					ZONE_STATE_CAPITAL,
					List.of(NEV, ROBOTICS_CNC, NEW_MATERIALS, NEW_ENERGY, ELECTRONIC_INFORMATION, HIGH_END_EQUIPMENT,
							BIOMEDICINE, ENERGY_SAVING_ENVIRONMENTAL, GREEN_RETROFIT),
					List.of(new CommitmentSeed(ZONE_STATE_CAPITAL, "18", "18", "2019-09-20"),
							new CommitmentSeed(HUZHOU_INDUSTRIAL, "12", "9.6", "2019-09-20")),
					87, 12, List.of(QIDIE)),
			new FundSeed("长合区科创天使基金", "Changhe Zone Sci-Tech Angel Fund", "10", 2020, ZONE_STATE_CAPITAL,
					List.of(ELECTRONIC_INFORMATION, BIOMEDICINE, ENERGY_SAVING_ENVIRONMENTAL),
					List.of(new CommitmentSeed(ZONE_STATE_CAPITAL, "6", "4.5", "2020-07-15"),
							new CommitmentSeed(CHAIN_LEADERS, "4", "3", "2020-07-15")),
					47, 14, List.of(AOSHI)));

	private Funds() {
	}

	static void write(Connection connection, Map<Sector, Long> sectorIds, Enterprises enterprises)
			throws SQLException {
		Map<String, Long> investorIds = new HashMap<>();
		try (Insert insert = Insert.into(connection, "investor", "name", "name_en", "investor_type")) {
			for (InvestorSeed investor : INVESTORS) {
				investorIds.put(investor.name(),
						insert.returningId(investor.provenance(), investor.name(), investor.nameEn(), investor.type()));
			}
		}
		Map<FundSeed, Long> fundIds = new HashMap<>();
		try (Insert insert = Insert.into(connection, "fund", "name", "name_en", "size", "currency", "vintage_year",
				"manager_id")) {
			for (FundSeed fund : FUNDS) {
				fundIds.put(fund, insert.returningId(ILLUSTRATIVE, fund.name(), fund.nameEn(), fund.size(), "CNY",
						fund.vintageYear(), investorIds.get(fund.manager())));
			}
		}
		try (Insert focus = Insert.link(connection, "fund_sector", "fund_id", "sector_id");
				Insert commitments = Insert.into(connection, "commitment", "fund_id", "investor_id", "committed",
						"called", "currency", "committed_on")) {
			for (FundSeed fund : FUNDS) {
				for (Sector sector : fund.sectors()) {
					focus.add(fundIds.get(fund), sectorIds.get(sector));
				}
				for (CommitmentSeed commitment : fund.commitments()) {
					commitments.add(ILLUSTRATIVE, fundIds.get(fund), investorIds.get(commitment.investor()),
							yi(commitment.committedYi()), yi(commitment.calledYi()), "CNY",
							LocalDate.parse(commitment.committedOn()));
				}
			}
		}
		Random random = new Random(V1__Zone2024.SEED);
		try (Insert investments = Insert.into(connection, "investment", "kind", "amount", "currency", "year",
				"invested_on", "project_id", "enterprise_id", "fund_id", "sector_id", "note")) {
			for (FundSeed fund : FUNDS) {
				List<EnterpriseSeed> investees = investees(random, fund, enterprises);
				List<Long> weights = new ArrayList<>();
				investees.forEach((investee) -> weights.add(50L + random.nextInt(101)));
				List<BigDecimal> amounts = Amounts.split(fund.deployed(), weights, MILLION);
				int firstYear = Math.max(fund.vintageYear(), 2021);
				for (int i = 0; i < investees.size(); i++) {
					EnterpriseSeed investee = investees.get(i);
					int year = firstYear + random.nextInt(2024 - firstYear + 1);
					LocalDate investedOn = LocalDate.ofYearDay(year, 1 + random.nextInt(365));
					investments.add(ILLUSTRATIVE, "FUND_EQUITY", amounts.get(i), "CNY", year, investedOn, null,
							enterprises.id(investee.name()), fundIds.get(fund), sectorIds.get(investee.sector()), null);
				}
			}
		}
	}

	// The named enterprises the fund backs, then illustrative ones of its sectors drawn at random.
	private static List<EnterpriseSeed> investees(Random random, FundSeed fund, Enterprises enterprises) {
		List<EnterpriseSeed> investees = new ArrayList<>();
		fund.namedInvestees().forEach((name) -> investees.add(enterprises.seed(name)));
		List<EnterpriseSeed> candidates = new ArrayList<>();
		fund.sectors().forEach((sector) -> candidates.addAll(enterprises.illustrative(sector)));
		while (investees.size() < fund.investments()) {
			investees.add(candidates.remove(random.nextInt(candidates.size())));
		}
		return investees;
	}

	private record InvestorSeed(String name, String nameEn, String type, Provenance provenance) {
	}

	private record CommitmentSeed(String investor, String committedYi, String calledYi, String committedOn) {
	}

	/**
	 * A fund with its commitments; it has invested {@code deployedPercent} of what was called, in
	 * {@code investments} enterprises.
	 */
	private record FundSeed(String name, String nameEn, String sizeYi, int vintageYear, String manager,
			List<Sector> sectors, List<CommitmentSeed> commitments, int deployedPercent, int investments,
			List<String> namedInvestees) {

		FundSeed {
			BigDecimal committed = commitments.stream()
				.map((commitment) -> yi(commitment.committedYi()))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			if (committed.compareTo(yi(sizeYi)) != 0) {
				throw new IllegalStateException(name + " has commitments of " + committed + ", not its size");
			}
		}

		BigDecimal size() {
			return yi(this.sizeYi);
		}

		// What it has invested: a share of what was called, in whole millions.
		BigDecimal deployed() {
			BigDecimal called = this.commitments.stream()
				.map((commitment) -> yi(commitment.calledYi()))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return called.multiply(BigDecimal.valueOf(this.deployedPercent))
				.divide(BigDecimal.valueOf(100).multiply(MILLION), 0, RoundingMode.DOWN)
				.multiply(MILLION)
				.setScale(2);
		}

	}

}
