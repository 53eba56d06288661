package cn.changhe.portfolio.investment;

import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Selections;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class InvestmentController implements RuntimeWiringConfigurer {

	private static final Relation<InvestmentFilter, Investment> INVESTMENTS_OF_PROJECT = Relation.named("investmentsOfProject");

	private static final Relation<InvestmentFilter, Investment> INVESTMENTS_OF_ENTERPRISE = Relation.named("investmentsOfEnterprise");

	private static final Relation<InvestmentFilter, Investment> INVESTMENTS_OF_FUND = Relation.named("investmentsOfFund");

	private static final Relation<InvestmentFilter, Investment> INVESTMENTS_OF_SECTOR = Relation.named("investmentsOfSector");

	private final InvestmentRepository investments;

	InvestmentController(InvestmentRepository investments, DataLoaders loaders) {
		this.investments = investments;
		INVESTMENTS_OF_PROJECT.register(loaders, investments.of("i.project_id"));
		INVESTMENTS_OF_ENTERPRISE.register(loaders, investments.of("i.enterprise_id"));
		INVESTMENTS_OF_FUND.register(loaders, investments.of("i.fund_id"));
		INVESTMENTS_OF_SECTOR.register(loaders, investments.of("i.sector_id"));
	}

	@QueryMapping
	@PreAuthorize(Access.READ_OWN)
	public Connection<Investment> investments(@CachedArguments InvestmentArguments arguments, DataFetchingEnvironment env) {
		return this.investments.connection(arguments, Selections.ofNodes(env));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Project", (type) -> type.dataFetcher("investments", INVESTMENTS_OF_PROJECT.field(InvestmentArguments.class)))
			.type("Enterprise", (type) -> type.dataFetcher("investments", INVESTMENTS_OF_ENTERPRISE.field(InvestmentArguments.class))
				.dataFetcher("fundInvestments", INVESTMENTS_OF_ENTERPRISE.field(InvestmentArguments.class,
						(arguments) -> arguments.filterOrNone().fundEquity(), InvestmentArguments::page)))
			.type("Fund", (type) -> type.dataFetcher("investments", INVESTMENTS_OF_FUND.field(InvestmentArguments.class)))
			.type("Sector", (type) -> type.dataFetcher("investments", INVESTMENTS_OF_SECTOR.field(InvestmentArguments.class)));
	}

}
