-- An audit row addressed to one investor's partners: a record that came into their sight (a fund they
-- now have a commitment to, its investments, their enterprises). It is in their change feed only, and
-- in no audit trail.
ALTER TABLE audit_log ADD COLUMN audience BIGINT NULL;
