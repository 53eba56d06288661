package cn.changhe.portfolio.analytics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Identified;
import cn.changhe.portfolio.graphql.PlainFetcher;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.sector.Sector;
import cn.changhe.portfolio.sector.SectorRepository;
import cn.changhe.portfolio.security.Access;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class InvestmentSummaryController implements RuntimeWiringConfigurer {

	/** A group's sector, read with the groups. */
	private static final PlainFetcher<Sector> GROUP_SECTOR = (group, arguments) -> ((InvestmentGroup) group).sector();

	private final InvestmentSummaryRepository summaries;

	private final SectorRepository sectors;

	InvestmentSummaryController(InvestmentSummaryRepository summaries, SectorRepository sectors) {
		this.summaries = summaries;
		this.sectors = sectors;
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public List<InvestmentGroup> investmentSummary(@CachedArguments InvestmentSummaryQuery query,
			DataFetchingEnvironment env) {
		List<InvestmentGroup> groups = this.summaries.summarize(query, Selections.asks(env, "min", "max"));
		return Selections.asks(env, "sector") ? withSectors(groups) : groups;
	}

	/**
	 * The groups with their sectors, read with one statement right after the summary: hundreds of
	 * groups then resolve {@code sector} at once, each of them, instead of through a loader.
	 */
	private List<InvestmentGroup> withSectors(List<InvestmentGroup> groups) {
		List<Long> ids = groups.stream().map(InvestmentGroup::sectorId).filter(Objects::nonNull).distinct().toList();
		Map<Long, Sector> byId = Identified.byId(this.sectors.findAllById(ids));
		return groups.stream()
			.map((group) -> (group.sectorId() != null) ? group.withSector(byId.get(group.sectorId())) : group)
			.toList();
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("InvestmentGroup", (type) -> type.dataFetcher("sector", GROUP_SECTOR)
			.dataFetcher("fund", ByKey.one("Fund", InvestmentGroup::fundId))
			.dataFetcher("enterprise", ByKey.one("Enterprise", InvestmentGroup::enterpriseId)));
	}

}
