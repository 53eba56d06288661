package cn.changhe.portfolio.graphql;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code Money.amount(unit:)}: the amount in the unit asked for. A plain data fetcher, not a
 * controller method: it runs once for every amount of a response (thousands in a nested page), and
 * needs neither argument binding nor the request's context.
 */
final class MoneyAmount implements PlainFetcher<BigDecimal> {

	@Override
	public BigDecimal get(Object source, Map<String, Object> arguments) {
		return unit(arguments).fromYuan(((Money) source).yuan());
	}

	@Override
	public Function<Object, BigDecimal> at(Map<String, Object> arguments) {
		MoneyUnit unit = unit(arguments);
		return (source) -> unit.fromYuan(((Money) source).yuan());
	}

	private static MoneyUnit unit(Map<String, Object> arguments) {
		// the schema's default is YUAN; an explicit null means the same
		Object unit = arguments.get("unit");
		return (unit instanceof String name) ? MoneyUnit.valueOf(name)
				: (unit instanceof MoneyUnit given) ? given : MoneyUnit.YUAN;
	}

}
