package cn.changhe.portfolio.project;

import java.time.LocalDate;

import cn.changhe.portfolio.graphql.Provenance;

/**
 * A listing of a project on the 五未 list of stalled projects, cleared (销号) or not.
 */
record Stall(long id, long projectId, StallCategory category, LocalDate listedOn, LocalDate clearedOn,
		Provenance provenance) {
}
