package cn.changhe.portfolio.enterprise;

import cn.changhe.portfolio.graphql.OrderDirection;
import cn.changhe.portfolio.graphql.SortKey;

/**
 * How a list of enterprises is ordered; ties are broken by id.
 */
record EnterpriseOrder(Field field, OrderDirection direction) {

	enum Field {

		ID, NAME, ESTABLISHED_ON, UPDATED_AT

	}

	SortKey sortKey(String id) {
		return switch ((this.field != null) ? this.field : Field.ID) {
			case ID -> SortKey.of("ID", id, SortKey.Kind.LONG);
			case NAME -> SortKey.of("NAME", "e.name", SortKey.Kind.STRING);
			// Enterprises whose founding date is unknown come last in ascending order.
			case ESTABLISHED_ON ->
				SortKey.of("ESTABLISHED_ON", "COALESCE(e.established_on, DATE '9999-12-31')", SortKey.Kind.DATE);
			case UPDATED_AT -> SortKey.of("UPDATED_AT", "e.updated_at", SortKey.Kind.DATETIME);
		};
	}

}
