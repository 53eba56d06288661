package cn.changhe.portfolio.fund;

import cn.changhe.portfolio.graphql.OrderDirection;
import cn.changhe.portfolio.graphql.SortKey;

/**
 * How funds are ordered; ties are broken by id.
 */
record FundOrder(Field field, OrderDirection direction) {

	enum Field {

		ID, NAME, SIZE, VINTAGE_YEAR, UPDATED_AT

	}

	SortKey sortKey(String id) {
		return switch ((this.field != null) ? this.field : Field.ID) {
			case ID -> SortKey.of("ID", id, SortKey.Kind.LONG);
			case NAME -> SortKey.of("NAME", "f.name", SortKey.Kind.STRING);
			case SIZE -> SortKey.of("SIZE", "f.size", SortKey.Kind.DECIMAL);
			case VINTAGE_YEAR -> SortKey.of("VINTAGE_YEAR", "f.vintage_year", SortKey.Kind.LONG);
			case UPDATED_AT -> SortKey.of("UPDATED_AT", "f.updated_at", SortKey.Kind.DATETIME);
		};
	}

}
