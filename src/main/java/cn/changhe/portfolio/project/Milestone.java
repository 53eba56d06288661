package cn.changhe.portfolio.project;

import java.time.LocalDate;

import cn.changhe.portfolio.graphql.Provenance;

/**
 * A stage a project reached, and the day it reached it.
 */
record Milestone(long projectId, ProjectStage stage, LocalDate reachedOn, Provenance provenance) {
}
