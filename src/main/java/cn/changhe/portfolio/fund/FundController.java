package cn.changhe.portfolio.fund;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Relations;
import cn.changhe.portfolio.investment.Investment;
import cn.changhe.portfolio.sector.Sector;
import cn.changhe.portfolio.sector.SectorRepository;

import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class FundController implements RuntimeWiringConfigurer {

	private static final Relation<FundFilter, Fund> FUNDS_OF_INVESTOR = Relation.named("fundsOfInvestor");

	private static final Relation<FundFilter, Fund> FUNDS_OF_MANAGER = Relation.named("fundsOfManager");

	private static final Relation<FundFilter, Fund> FUNDS_OF_SECTOR = Relation.named("fundsOfSector");

	private static final ByKey<Commitment> COMMITMENTS_OF_FUND = ByKey.named("commitmentsOfFund");

	private static final ByKey<Commitment> COMMITMENTS_OF_INVESTOR = ByKey.named("commitmentsOfInvestor");

	private final FundRepository funds;

	private final InvestorRepository investors;

	private final SectorRepository sectors;

	FundController(FundRepository funds, InvestorRepository investors, CommitmentRepository commitments,
			SectorRepository sectors, DataLoaders loaders) {
		this.funds = funds;
		this.investors = investors;
		this.sectors = sectors;
		COMMITMENTS_OF_FUND.children(loaders, commitments::ofFunds, Commitment::fundId);
		COMMITMENTS_OF_INVESTOR.children(loaders, commitments::ofInvestors, Commitment::investorId);
		FUNDS_OF_INVESTOR.register(loaders, funds.ofInvestors());
		FUNDS_OF_MANAGER.register(loaders, funds.of("f.manager_id"));
		FUNDS_OF_SECTOR.register(loaders, funds.ofSectors());
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public Connection<Fund> funds(@CachedArguments FundArguments arguments) {
		return this.funds.connection(arguments, null);
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public Connection<Investor> investors(@CachedArguments InvestorArguments arguments) {
		return this.investors.connection(arguments, null);
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Investor", (type) -> type.dataFetcher("funds", FUNDS_OF_INVESTOR.field(FundArguments.class))
			.dataFetcher("managedFunds", FUNDS_OF_MANAGER.field(FundArguments.class)))
			.type("Sector", (type) -> type.dataFetcher("funds", FUNDS_OF_SECTOR.field(FundArguments.class)));
		wiring.type("Fund", (type) -> type.dataFetcher("manager", ByKey.one("Investor", Fund::managerId))
			.dataFetcher("commitments", COMMITMENTS_OF_FUND.many()))
			.type("Investor", (type) -> type.dataFetcher("commitments", COMMITMENTS_OF_INVESTOR.many()))
			.type("Commitment", (type) -> type.dataFetcher("fund", ByKey.one("Fund", Commitment::fundId))
				.dataFetcher("investor", ByKey.one("Investor", Commitment::investorId)))
			.type("Investment", (type) -> type.dataFetcher("fund", ByKey.one("Fund", Investment::fundId)));
	}

	@BatchMapping
	Map<Fund, List<Sector>> focusSectors(List<Fund> funds) {
		Map<Fund, List<FundRepository.FocusSector>> pairs = Relations.toMany(funds, this.funds::focusSectorsOf,
				FundRepository.FocusSector::fundId);
		List<Long> sectorIds = pairs.values()
			.stream()
			.flatMap(List::stream)
			.map(FundRepository.FocusSector::sectorId)
			.distinct()
			.toList();
		Map<Long, Sector> byId = sectorIds.isEmpty() ? Map.of() : Identified.byId(this.sectors.findAllById(sectorIds));
		Map<Fund, List<Sector>> result = new LinkedHashMap<>();
		pairs.forEach((fund, focus) -> result.put(fund,
				focus.stream().map((pair) -> byId.get(pair.sectorId())).filter(Objects::nonNull).toList()));
		return result;
	}

}
