package cn.changhe.portfolio.fund;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.changhe.portfolio.graphql.DataLoaders;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * The funds' and investors' figures: each is loaded once per request for every fund (or investor)
 * in it, however many of its fields are asked for.
 */
@Controller
class FundFiguresController implements RuntimeWiringConfigurer {

	private static final String FUND_FIGURES = "fundFigures";

	private static final String INVESTOR_FIGURES = "investorFigures";

	FundFiguresController(FundFiguresRepository figures, DataLoaders loaders) {
		loaders.<Fund, FundFigures>register(FUND_FIGURES, (funds) -> {
			Map<Long, String> currencies = funds.stream()
				.collect(Collectors.toMap(Fund::id, (f) -> f.size().currency(), (a, b) -> a));
			Map<Long, FundFigures> byId = figures.ofFunds(currencies.keySet(), currencies);
			return funds.stream().collect(Collectors.toMap(Function.identity(), (f) -> byId.get(f.id())));
		});
		loaders.<Investor, FundFigures.OfInvestor>register(INVESTOR_FIGURES, (investors) -> {
			Map<Long, FundFigures.OfInvestor> byId = figures
				.ofInvestors(investors.stream().map(Investor::id).distinct().toList());
			return investors.stream().collect(Collectors.toMap(Function.identity(), (v) -> byId.get(v.id())));
		});
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		Map<String, Function<FundFigures, Object>> ofFund = new LinkedHashMap<>();
		ofFund.put("committed", FundFigures::committed);
		ofFund.put("called", FundFigures::called);
		ofFund.put("uncalled", FundFigures::uncalled);
		ofFund.put("invested", FundFigures::invested);
		ofFund.put("portfolioEnterpriseCount", FundFigures::portfolioEnterprises);
		Map<String, Function<FundFigures.OfInvestor, Object>> ofInvestor = new LinkedHashMap<>();
		ofInvestor.put("committed", FundFigures.OfInvestor::committed);
		ofInvestor.put("called", FundFigures.OfInvestor::called);
		ofInvestor.put("uncalled", FundFigures.OfInvestor::uncalled);
		ofInvestor.put("fundCount", FundFigures.OfInvestor::funds);
		ofInvestor.put("portfolioEnterpriseCount", FundFigures.OfInvestor::portfolioEnterprises);
		wiring.type("Fund", (type) -> figures(type, FUND_FIGURES, ofFund))
			.type("Investor", (type) -> figures(type, INVESTOR_FIGURES, ofInvestor));
	}

	/** Each field one of the figures that the loader loads for the field's parent. */
	private static <F> TypeRuntimeWiring.Builder figures(TypeRuntimeWiring.Builder type, String loader,
			Map<String, Function<F, Object>> fields) {
		fields.forEach((field, figure) -> type.dataFetcher(field,
				(env) -> env.<Object, F>getDataLoader(loader).load(env.getSource()).thenApply(figure)));
		return type;
	}

}
