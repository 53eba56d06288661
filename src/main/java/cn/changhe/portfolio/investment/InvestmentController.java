package cn.changhe.portfolio.investment;

import java.util.concurrent.CompletableFuture;

import cn.changhe.portfolio.enterprise.Enterprise;
import cn.changhe.portfolio.fund.Fund;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.project.Project;
import cn.changhe.portfolio.sector.Sector;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class InvestmentController {

	private final InvestmentRepository investments;

	InvestmentController(InvestmentRepository investments, DataLoaders loaders) {
		this.investments = investments;
		Relation.register(loaders, "investmentsOfProject", investments.of("i.project_id"));
		Relation.register(loaders, "investmentsOfEnterprise", investments.of("i.enterprise_id"));
		Relation.register(loaders, "investmentsOfFund", investments.of("i.fund_id"));
		Relation.register(loaders, "investmentsOfSector", investments.of("i.sector_id"));
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public Connection<Investment> investments(@Arguments InvestmentArguments arguments, DataFetchingEnvironment env) {
		InvestmentFilter filter = arguments.filterOrNone();
		PageRequest page = arguments.page();
		return Connection.of(this.investments.page(filter, page, Selections.ofNodes(env)), page, () -> this.investments.count(filter));
	}

	@SchemaMapping(typeName = "Project", field = "investments")
	CompletableFuture<Connection<Investment>> investmentsOfProject(Project project,
			@Arguments InvestmentArguments arguments, DataFetchingEnvironment env,
			DataLoader<Relation.Key<InvestmentFilter>, Connection<Investment>> investmentsOfProject) {
		return Relation.load(investmentsOfProject, project.id(), arguments.filterOrNone(), arguments.page(), env);
	}

	@SchemaMapping(typeName = "Enterprise", field = "investments")
	CompletableFuture<Connection<Investment>> investmentsOfEnterprise(Enterprise enterprise,
			@Arguments InvestmentArguments arguments, DataFetchingEnvironment env,
			DataLoader<Relation.Key<InvestmentFilter>, Connection<Investment>> investmentsOfEnterprise) {
		return Relation.load(investmentsOfEnterprise, enterprise.id(), arguments.filterOrNone(), arguments.page(),
				env);
	}

	@SchemaMapping(typeName = "Enterprise", field = "fundInvestments")
	CompletableFuture<Connection<Investment>> fundInvestmentsOfEnterprise(Enterprise enterprise,
			@Arguments InvestmentArguments arguments, DataFetchingEnvironment env,
			DataLoader<Relation.Key<InvestmentFilter>, Connection<Investment>> investmentsOfEnterprise) {
		return Relation.load(investmentsOfEnterprise, enterprise.id(), arguments.filterOrNone().fundEquity(),
				arguments.page(), env);
	}

	@SchemaMapping(typeName = "Fund", field = "investments")
	CompletableFuture<Connection<Investment>> investmentsOfFund(Fund fund, @Arguments InvestmentArguments arguments,
			DataFetchingEnvironment env,
			DataLoader<Relation.Key<InvestmentFilter>, Connection<Investment>> investmentsOfFund) {
		return Relation.load(investmentsOfFund, fund.id(), arguments.filterOrNone(), arguments.page(), env);
	}

	@SchemaMapping(typeName = "Sector", field = "investments")
	CompletableFuture<Connection<Investment>> investmentsOfSector(Sector sector,
			@Arguments InvestmentArguments arguments, DataFetchingEnvironment env,
			DataLoader<Relation.Key<InvestmentFilter>, Connection<Investment>> investmentsOfSector) {
		return Relation.load(investmentsOfSector, sector.id(), arguments.filterOrNone(), arguments.page(), env);
	}

}
