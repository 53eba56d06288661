package cn.changhe.portfolio.project;

import java.util.List;

import cn.changhe.portfolio.graphql.InvalidInput;
import cn.changhe.portfolio.graphql.OrderDirection;
import cn.changhe.portfolio.graphql.SortKey;

/**
 * How a list of projects is ordered; ties are broken by id.
 *
 * @param field what to order by
 * @param direction ascending or descending
 * @param stage with STAGE_REACHED_ON, the stage whose date orders the projects
 */
record ProjectOrder(Field field, OrderDirection direction, ProjectStage stage) {

	enum Field {

		ID, NAME, TOTAL_INVESTMENT, STAGE_REACHED_ON, UPDATED_AT

	}

	SortKey sortKey(String id) {
		Field by = (this.field != null) ? this.field : Field.ID;
		if (by != Field.STAGE_REACHED_ON && this.stage != null) {
			throw new InvalidInput("orderBy.stage", "`orderBy.stage` goes with the field STAGE_REACHED_ON only.");
		}
		return switch (by) {
			case ID -> SortKey.of("ID", id, SortKey.Kind.LONG);
			case NAME -> SortKey.of("NAME", "p.name", SortKey.Kind.STRING);
			case TOTAL_INVESTMENT -> SortKey.of("TOTAL_INVESTMENT", "p.total_investment", SortKey.Kind.DECIMAL);
			case UPDATED_AT -> SortKey.of("UPDATED_AT", "p.updated_at", SortKey.Kind.DATETIME);
			case STAGE_REACHED_ON -> stageReachedOn();
		};
	}

	/** Projects that have not reached the stage come after those that have, in ascending order. */
	private SortKey stageReachedOn() {
		if (this.stage == null) {
			throw new InvalidInput("orderBy.stage", "`orderBy.stage` is required to order by STAGE_REACHED_ON.");
		}
		return new SortKey("STAGE_REACHED_ON:" + this.stage, "COALESCE(so.reached_on, DATE '9999-12-31')",
				SortKey.Kind.DATE,
				"LEFT JOIN project_milestone so ON so.project_id = p.id AND so.stage = ? AND so.deleted_at IS NULL",
				List.of(this.stage.name()));
	}

}
