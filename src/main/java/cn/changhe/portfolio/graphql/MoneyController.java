package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class MoneyController {

	@SchemaMapping(typeName = "Money")
	BigDecimal amount(Money money, @Argument MoneyUnit unit) {
		return ((unit != null) ? unit : MoneyUnit.YUAN).fromYuan(money.yuan());
	}

}
