-- The change feed is the audit trail in commit order: every write records its audit rows in its own
-- transaction, and a single sequencer (whoever holds change_sequencer's row) numbers them once they
-- have committed, so that a reader following the numbers never passes a change that commits later.
ALTER TABLE audit_log ADD COLUMN seq BIGINT NULL;
CREATE UNIQUE INDEX ux_audit_seq ON audit_log (seq);

CREATE TABLE change_sequencer (
    id        TINYINT NOT NULL,
    last_seq  BIGINT  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO change_sequencer (id, last_seq) VALUES (1, 0);
