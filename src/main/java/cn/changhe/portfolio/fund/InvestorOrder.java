package cn.changhe.portfolio.fund;

import cn.changhe.portfolio.graphql.OrderDirection;
import cn.changhe.portfolio.graphql.SortKey;

/**
 * How investors are ordered; ties are broken by id.
 */
record InvestorOrder(Field field, OrderDirection direction) {

	enum Field {

		ID, NAME, UPDATED_AT

	}

	SortKey sortKey(String id) {
		return switch ((this.field != null) ? this.field : Field.ID) {
			case ID -> SortKey.of("ID", id, SortKey.Kind.LONG);
			case NAME -> SortKey.of("NAME", "v.name", SortKey.Kind.STRING);
			case UPDATED_AT -> SortKey.of("UPDATED_AT", "v.updated_at", SortKey.Kind.DATETIME);
		};
	}

}
