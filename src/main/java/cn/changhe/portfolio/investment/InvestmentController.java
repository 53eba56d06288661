package cn.changhe.portfolio.investment;

import cn.changhe.portfolio.graphql.Connection;
import cn.changhe.portfolio.graphql.Page;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class InvestmentController {

	private final InvestmentRepository investments;

	InvestmentController(InvestmentRepository investments) {
		this.investments = investments;
	}

	@QueryMapping
	Connection<Investment> investments(@Argument InvestmentFilter filter, @Argument Integer first,
			@Argument String after) {
		InvestmentFilter given = (filter != null) ? filter : InvestmentFilter.NONE;
		Page page = Page.of(first, after);
		return Connection.of(this.investments.page(given, page), page, () -> this.investments.count(given));
	}

}
