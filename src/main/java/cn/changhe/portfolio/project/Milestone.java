package cn.changhe.portfolio.project;

import java.time.LocalDate;

/**
 * A stage a project reached, and the day it reached it.
 */
record Milestone(long projectId, ProjectStage stage, LocalDate reachedOn) {
}
