package cn.changhe.portfolio.investment;

import cn.changhe.portfolio.graphql.CachedArguments;
import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.PageRequest;
import cn.changhe.portfolio.graphql.Relation;
import cn.changhe.portfolio.graphql.Selections;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import cn.changhe.portfolio.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class InvestmentController implements RuntimeWiringConfigurer {

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
	public Connection<Investment> investments(@CachedArguments InvestmentArguments arguments, DataFetchingEnvironment env) {
		InvestmentFilter filter = arguments.filterOrNone();
		PageRequest page = arguments.page();
		return Connection.of(this.investments.page(filter, page, Selections.ofNodes(env)), page,
				() -> this.investments.count(filter));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Project", (type) -> type.dataFetcher("investments", relation("investmentsOfProject")))
			.type("Enterprise", (type) -> type.dataFetcher("investments", relation("investmentsOfEnterprise"))
				.dataFetcher("fundInvestments", Relation.field("investmentsOfEnterprise", InvestmentArguments.class,
						(arguments) -> arguments.filterOrNone().fundEquity(), InvestmentArguments::page)))
			.type("Fund", (type) -> type.dataFetcher("investments", relation("investmentsOfFund")))
			.type("Sector", (type) -> type.dataFetcher("investments", relation("investmentsOfSector")));
	}

	/** The fetcher of a relation listing ledger rows, asking the loader of that name. */
	private static DataFetcher<Object> relation(String loader) {
		return Relation.field(loader, InvestmentArguments.class, InvestmentArguments::filterOrNone,
				InvestmentArguments::page);
	}

}
