package cn.changhe.portfolio.enterprise;

import java.util.concurrent.CompletableFuture;

import cn.changhe.portfolio.fund.Fund;
import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.investment.Investment;
import cn.changhe.portfolio.sector.Sector;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class EnterpriseController implements RuntimeWiringConfigurer {

	private final EnterpriseRepository enterprises;

	EnterpriseController(EnterpriseRepository enterprises, DataLoaders loaders) {
		this.enterprises = enterprises;
		ByKey.rows(loaders, "enterprise", enterprises::findAllById);
		ByKey.children(loaders, "qualificationsOfEnterprise", enterprises::qualificationsOf, QualificationGrant::enterpriseId);
		ByKey.children(loaders, "enterpriseAwardsOfEnterprise", enterprises::awardsOf, EnterpriseAward::enterpriseId);
		Relation.register(loaders, "enterprisesOfSector", enterprises.ofSectors());
		Relation.register(loaders, "portfolioOfFund", enterprises.ofFunds());
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public Connection<Enterprise> enterprises(@Arguments EnterpriseArguments arguments, DataFetchingEnvironment env) {
		EnterpriseFilter filter = arguments.filterOrNone();
		PageRequest page = arguments.page();
		return Connection.of(this.enterprises.page(filter, page, Selections.ofNodes(env)), page, () -> this.enterprises.count(filter));
	}

	@SchemaMapping(typeName = "Sector", field = "enterprises")
	CompletableFuture<Connection<Enterprise>> enterprisesOfSector(Sector sector,
			@Arguments EnterpriseArguments arguments, DataFetchingEnvironment env,
			DataLoader<Relation.Key<EnterpriseFilter>, Connection<Enterprise>> enterprisesOfSector) {
		return Relation.load(enterprisesOfSector, sector.id(), arguments.filterOrNone(), arguments.page(), env);
	}

	@SchemaMapping(typeName = "Fund", field = "portfolioEnterprises")
	CompletableFuture<Connection<Enterprise>> portfolioOfFund(Fund fund, @Arguments EnterpriseArguments arguments,
			DataFetchingEnvironment env,
			DataLoader<Relation.Key<EnterpriseFilter>, Connection<Enterprise>> portfolioOfFund) {
		return Relation.load(portfolioOfFund, fund.id(), arguments.filterOrNone(), arguments.page(), env);
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Enterprise", (type) -> type.dataFetcher("qualifications", ByKey.many("qualificationsOfEnterprise"))
			.dataFetcher("awards", ByKey.many("enterpriseAwardsOfEnterprise")))
			.type("Investment", (type) -> type.dataFetcher("enterprise", ByKey.one("enterprise", Investment::enterpriseId)));
	}

}
