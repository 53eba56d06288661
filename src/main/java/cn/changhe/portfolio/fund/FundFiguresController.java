package cn.changhe.portfolio.fund;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.changhe.portfolio.graphql.DataLoaders;
import cn.changhe.portfolio.graphql.Money;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The funds' and investors' figures: each is loaded once per request for every fund (or investor)
 * in it, however many of its fields are asked for.
 */
@Controller
class FundFiguresController {

	FundFiguresController(FundFiguresRepository figures, DataLoaders loaders) {
		loaders.<Fund, FundFigures>register("fundFigures", (funds) -> {
			Map<Long, String> currencies = funds.stream()
				.collect(Collectors.toMap(Fund::id, (f) -> f.size().currency(), (a, b) -> a));
			Map<Long, FundFigures> byId = figures.ofFunds(currencies.keySet(), currencies);
			return funds.stream().collect(Collectors.toMap(Function.identity(), (f) -> byId.get(f.id())));
		});
		loaders.<Investor, FundFigures.OfInvestor>register("investorFigures", (investors) -> {
			Map<Long, FundFigures.OfInvestor> byId = figures
				.ofInvestors(investors.stream().map(Investor::id).distinct().toList());
			return investors.stream().collect(Collectors.toMap(Function.identity(), (v) -> byId.get(v.id())));
		});
	}

	@SchemaMapping(typeName = "Fund")
	CompletableFuture<Money> committed(Fund fund, DataLoader<Fund, FundFigures> fundFigures) {
		return fundFigures.load(fund).thenApply(FundFigures::committed);
	}

	@SchemaMapping(typeName = "Fund")
	CompletableFuture<Money> called(Fund fund, DataLoader<Fund, FundFigures> fundFigures) {
		return fundFigures.load(fund).thenApply(FundFigures::called);
	}

	@SchemaMapping(typeName = "Fund")
	CompletableFuture<Money> uncalled(Fund fund, DataLoader<Fund, FundFigures> fundFigures) {
		return fundFigures.load(fund).thenApply(FundFigures::uncalled);
	}

	@SchemaMapping(typeName = "Fund")
	CompletableFuture<Money> invested(Fund fund, DataLoader<Fund, FundFigures> fundFigures) {
		return fundFigures.load(fund).thenApply(FundFigures::invested);
	}

	@SchemaMapping(typeName = "Fund")
	CompletableFuture<Integer> portfolioEnterpriseCount(Fund fund, DataLoader<Fund, FundFigures> fundFigures) {
		return fundFigures.load(fund).thenApply(FundFigures::portfolioEnterprises);
	}

	@SchemaMapping(typeName = "Investor", field = "committed")
	CompletableFuture<List<Money>> committedByInvestor(Investor investor,
			DataLoader<Investor, FundFigures.OfInvestor> investorFigures) {
		return investorFigures.load(investor).thenApply(FundFigures.OfInvestor::committed);
	}

	@SchemaMapping(typeName = "Investor", field = "called")
	CompletableFuture<List<Money>> calledByInvestor(Investor investor,
			DataLoader<Investor, FundFigures.OfInvestor> investorFigures) {
		return investorFigures.load(investor).thenApply(FundFigures.OfInvestor::called);
	}

	@SchemaMapping(typeName = "Investor", field = "uncalled")
	CompletableFuture<List<Money>> uncalledByInvestor(Investor investor,
			DataLoader<Investor, FundFigures.OfInvestor> investorFigures) {
		return investorFigures.load(investor).thenApply(FundFigures.OfInvestor::uncalled);
	}

	@SchemaMapping(typeName = "Investor")
	CompletableFuture<Integer> fundCount(Investor investor, DataLoader<Investor, FundFigures.OfInvestor> investorFigures) {
		return investorFigures.load(investor).thenApply(FundFigures.OfInvestor::funds);
	}

	@SchemaMapping(typeName = "Investor", field = "portfolioEnterpriseCount")
	CompletableFuture<Integer> portfolioOfInvestor(Investor investor,
			DataLoader<Investor, FundFigures.OfInvestor> investorFigures) {
		return investorFigures.load(investor).thenApply(FundFigures.OfInvestor::portfolioEnterprises);
	}

}
