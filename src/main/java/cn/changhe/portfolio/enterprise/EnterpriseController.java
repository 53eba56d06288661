package cn.changhe.portfolio.enterprise;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.investment.Investment;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.QueryMapping;
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
	public Connection<Enterprise> enterprises(@CachedArguments EnterpriseArguments arguments, DataFetchingEnvironment env) {
		EnterpriseFilter filter = arguments.filterOrNone();
		PageRequest page = arguments.page();
		return Connection.of(this.enterprises.page(filter, page, Selections.ofNodes(env)), page,
				() -> this.enterprises.count(filter));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Sector", (type) -> type.dataFetcher("enterprises", relation("enterprisesOfSector")))
			.type("Fund", (type) -> type.dataFetcher("portfolioEnterprises", relation("portfolioOfFund")));
		wiring.type("Enterprise", (type) -> type.dataFetcher("qualifications", ByKey.many("qualificationsOfEnterprise"))
			.dataFetcher("awards", ByKey.many("enterpriseAwardsOfEnterprise")))
			.type("Investment", (type) -> type.dataFetcher("enterprise", ByKey.one("enterprise", Investment::enterpriseId)));
	}

	/** The fetcher of a relation listing enterprises, asking the loader of that name. */
	private static DataFetcher<Object> relation(String loader) {
		return Relation.field(loader, EnterpriseArguments.class, EnterpriseArguments::filterOrNone,
				EnterpriseArguments::page);
	}

}
