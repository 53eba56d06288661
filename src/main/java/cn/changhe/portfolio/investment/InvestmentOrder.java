package cn.changhe.portfolio.investment;

import cn.changhe.portfolio.graphql.OrderDirection;
import cn.changhe.portfolio.graphql.SortKey;

/**
 * How ledger rows are ordered; ties are broken by id.
 */
record InvestmentOrder(Field field, OrderDirection direction) {

	enum Field {

		ID, AMOUNT, YEAR, DATE, UPDATED_AT

	}

	SortKey sortKey(String id) {
		return switch ((this.field != null) ? this.field : Field.ID) {
			case ID -> SortKey.of("ID", id, SortKey.Kind.LONG);
			case AMOUNT -> SortKey.of("AMOUNT", "i.amount", SortKey.Kind.DECIMAL);
			case YEAR -> SortKey.of("YEAR", "i.year", SortKey.Kind.LONG);
			// Rows without a day come last in ascending order.
			case DATE -> SortKey.of("DATE", "COALESCE(i.invested_on, DATE '9999-12-31')", SortKey.Kind.DATE);
			case UPDATED_AT -> SortKey.of("UPDATED_AT", "i.updated_at", SortKey.Kind.DATETIME);
		};
	}

}
