package cn.changhe.portfolio.enterprise;

import cn.changhe.portfolio.graphql.ByKey;
import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.investment.Investment;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class EnterpriseController implements RuntimeWiringConfigurer {

	private static final Relation<EnterpriseFilter, Enterprise> ENTERPRISES_OF_SECTOR = Relation.named("enterprisesOfSector");

	private static final Relation<EnterpriseFilter, Enterprise> PORTFOLIO_OF_FUND = Relation.named("portfolioOfFund");

	private static final ByKey<QualificationGrant> QUALIFICATIONS_OF_ENTERPRISE = ByKey.named("qualificationsOfEnterprise");

	private static final ByKey<EnterpriseAward> ENTERPRISE_AWARDS_OF_ENTERPRISE = ByKey.named("enterpriseAwardsOfEnterprise");

	private final EnterpriseRepository enterprises;

	EnterpriseController(EnterpriseRepository enterprises, DataLoaders loaders) {
		this.enterprises = enterprises;
		QUALIFICATIONS_OF_ENTERPRISE.children(loaders, enterprises::qualificationsOf, QualificationGrant::enterpriseId);
		ENTERPRISE_AWARDS_OF_ENTERPRISE.children(loaders, enterprises::awardsOf, EnterpriseAward::enterpriseId);
		ENTERPRISES_OF_SECTOR.register(loaders, enterprises.of("e.sector_id"));
		PORTFOLIO_OF_FUND.register(loaders, enterprises.ofFunds());
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public Connection<Enterprise> enterprises(@CachedArguments EnterpriseArguments arguments, DataFetchingEnvironment env) {
		return this.enterprises.connection(arguments, Selections.ofNodes(env));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Sector", (type) -> type.dataFetcher("enterprises", ENTERPRISES_OF_SECTOR.field(EnterpriseArguments.class)))
			.type("Fund", (type) -> type.dataFetcher("portfolioEnterprises", PORTFOLIO_OF_FUND.field(EnterpriseArguments.class)));
		wiring.type("Enterprise", (type) -> type.dataFetcher("qualifications", QUALIFICATIONS_OF_ENTERPRISE.many())
			.dataFetcher("awards", ENTERPRISE_AWARDS_OF_ENTERPRISE.many()))
			.type("Investment", (type) -> type.dataFetcher("enterprise", ByKey.one("Enterprise", Investment::enterpriseId)));
	}

}
