-- The milestones of a year, whatever their stage, from one index: the zone's targets count every
-- stage reached in a year in one pass.
CREATE INDEX ix_milestone_day ON project_milestone (reached_on, stage, project_id);
