package cn.changhe.portfolio.analytics;

import java.util.List;
import java.util.Map;

import cn.changhe.portfolio.enterprise.Enterprise;
import cn.changhe.portfolio.enterprise.EnterpriseRepository;
import cn.changhe.portfolio.fund.Fund;
import cn.changhe.portfolio.fund.FundRepository;
import cn.changhe.portfolio.graphql.Relations;
import cn.changhe.portfolio.sector.Sector;
import cn.changhe.portfolio.sector.SectorRepository;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class InvestmentSummaryController {

	private final InvestmentSummaryRepository summaries;

	private final SectorRepository sectors;

	private final FundRepository funds;

	private final EnterpriseRepository enterprises;

	InvestmentSummaryController(InvestmentSummaryRepository summaries, SectorRepository sectors, FundRepository funds,
			EnterpriseRepository enterprises) {
		this.summaries = summaries;
		this.sectors = sectors;
		this.funds = funds;
		this.enterprises = enterprises;
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public List<InvestmentGroup> investmentSummary(@Arguments InvestmentSummaryQuery query) {
		return this.summaries.summarize(query);
	}

	@BatchMapping(typeName = "InvestmentGroup")
	Map<InvestmentGroup, Sector> sector(List<InvestmentGroup> groups) {
		return Relations.toOne(groups, InvestmentGroup::sectorId, this.sectors::findAllById);
	}

	@BatchMapping(typeName = "InvestmentGroup")
	Map<InvestmentGroup, Fund> fund(List<InvestmentGroup> groups) {
		return Relations.toOne(groups, InvestmentGroup::fundId, this.funds::findAllById);
	}

	@BatchMapping(typeName = "InvestmentGroup")
	Map<InvestmentGroup, Enterprise> enterprise(List<InvestmentGroup> groups) {
		return Relations.toOne(groups, InvestmentGroup::enterpriseId, this.enterprises::findAllById);
	}

}
