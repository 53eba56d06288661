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
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Relations;
import cn.changhe.portfolio.investment.Investment;
import cn.changhe.portfolio.sector.Sector;
import cn.changhe.portfolio.sector.SectorRepository;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class FundController implements RuntimeWiringConfigurer {

	private final FundRepository funds;

	private final InvestorRepository investors;

	private final SectorRepository sectors;

	FundController(FundRepository funds, InvestorRepository investors, CommitmentRepository commitments,
			SectorRepository sectors, DataLoaders loaders) {
		this.funds = funds;
		this.investors = investors;
		this.sectors = sectors;
		ByKey.rows(loaders, "fund", funds::findAllById);
		ByKey.rows(loaders, "investor", investors::findAllById);
		ByKey.children(loaders, "commitmentsOfFund", commitments::ofFunds, Commitment::fundId);
		ByKey.children(loaders, "commitmentsOfInvestor", commitments::ofInvestors, Commitment::investorId);
		Relation.register(loaders, "fundsOfInvestor", funds.ofInvestors());
		Relation.register(loaders, "fundsOfManager", funds.ofManagers());
		Relation.register(loaders, "fundsOfSector", funds.ofSectors());
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public Connection<Fund> funds(@CachedArguments FundArguments arguments) {
		FundFilter filter = arguments.filterOrNone();
		PageRequest page = arguments.page();
		return Connection.of(this.funds.page(filter, page), page, () -> this.funds.count(filter));
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public Connection<Investor> investors(@CachedArguments InvestorArguments arguments) {
		InvestorFilter filter = arguments.filterOrNone();
		PageRequest page = arguments.page();
		return Connection.of(this.investors.page(filter, page), page, () -> this.investors.count(filter));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Investor", (type) -> type.dataFetcher("funds", relation("fundsOfInvestor"))
			.dataFetcher("managedFunds", relation("fundsOfManager")))
			.type("Sector", (type) -> type.dataFetcher("funds", relation("fundsOfSector")));
		wiring.type("Fund", (type) -> type.dataFetcher("manager", ByKey.one("investor", Fund::managerId))
			.dataFetcher("commitments", ByKey.many("commitmentsOfFund")))
			.type("Investor", (type) -> type.dataFetcher("commitments", ByKey.many("commitmentsOfInvestor")))
			.type("Commitment", (type) -> type.dataFetcher("fund", ByKey.one("fund", Commitment::fundId))
				.dataFetcher("investor", ByKey.one("investor", Commitment::investorId)))
			.type("Investment", (type) -> type.dataFetcher("fund", ByKey.one("fund", Investment::fundId)));
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

	/** The fetcher of a relation listing funds, asking the loader of that name. */
	private static DataFetcher<Object> relation(String loader) {
		return Relation.field(loader, FundArguments.class, FundArguments::filterOrNone, FundArguments::page);
	}

}
