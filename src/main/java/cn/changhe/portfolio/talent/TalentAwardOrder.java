package cn.changhe.portfolio.talent;

import cn.changhe.portfolio.graphql.OrderDirection;
import cn.changhe.portfolio.graphql.SortKey;

/**
 * How talent awards are ordered; ties are broken by id.
 */
record TalentAwardOrder(Field field, OrderDirection direction) {

	enum Field {

		ID, YEAR, TITLE, UPDATED_AT

	}

	SortKey sortKey(String id) {
		return switch ((this.field != null) ? this.field : Field.ID) {
			case ID -> SortKey.of("ID", id, SortKey.Kind.LONG);
			case YEAR -> SortKey.of("YEAR", "a.award_year", SortKey.Kind.LONG);
			case TITLE -> SortKey.of("TITLE", "a.title", SortKey.Kind.STRING);
			case UPDATED_AT -> SortKey.of("UPDATED_AT", "a.updated_at", SortKey.Kind.DATETIME);
		};
	}

}
