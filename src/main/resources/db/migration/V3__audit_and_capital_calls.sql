-- Every write, in the transaction of the write: who (the API client), when, what, and the fields
-- before and after, as JSON text (LONGTEXT, so that MySQL, MariaDB and TiDB read it alike).
CREATE TABLE audit_log (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    entity_type   VARCHAR(40)  NOT NULL,
    entity_id     BIGINT       NOT NULL,
    action        VARCHAR(40)  NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    at            DATETIME(6)  NOT NULL,
    changes       LONGTEXT     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_audit_entity (entity_type, entity_id, id),
    KEY ix_audit_actor (actor, id),
    KEY ix_audit_at (at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A capital call on a commitment (实缴); the commitment's called amount is their sum.
CREATE TABLE capital_call (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    commitment_id  BIGINT         NOT NULL,
    amount         DECIMAL(18, 2) NOT NULL,
    called_on      DATE           NOT NULL,
    provenance     VARCHAR(12)    NOT NULL,
    source         VARCHAR(300),
    created_at     DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version        BIGINT         NOT NULL DEFAULT 0,
    deleted_at     DATETIME(6),
    PRIMARY KEY (id),
    KEY ix_capital_call_commitment (commitment_id, called_on),
    CONSTRAINT fk_capital_call_commitment FOREIGN KEY (commitment_id) REFERENCES commitment (id),
    CONSTRAINT ck_capital_call_amount CHECK (amount > 0),
    CONSTRAINT ck_capital_call_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
