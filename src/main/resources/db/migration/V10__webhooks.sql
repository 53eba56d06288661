-- Webhooks: an endpoint per API client to which its change feed, scoped as the client reads it, is
-- pushed in signed batches. Every batch is a stored delivery, so that deliveries survive a restart;
-- a lease lets one instance at a time send each, and (webhook_id, after_seq) lets no two instances
-- plan the same batch.
CREATE TABLE webhook (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    client_id   BIGINT        NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    secret      VARCHAR(100)  NOT NULL,
    after_seq   BIGINT        NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    deleted_at  DATETIME(6),
    version     BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_webhook_client (client_id),
    CONSTRAINT fk_webhook_client FOREIGN KEY (client_id) REFERENCES api_client (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE webhook_delivery (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    webhook_id       BIGINT       NOT NULL,
    after_seq        BIGINT       NOT NULL,
    end_seq          BIGINT       NOT NULL,
    changes          INT          NOT NULL,
    body             MEDIUMTEXT   NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)  NOT NULL,
    lease_owner      VARCHAR(100),
    lease_until      DATETIME(6),
    last_attempt_at  DATETIME(6),
    last_status      INT,
    last_error       VARCHAR(500),
    created_at       DATETIME(6)  NOT NULL,
    delivered_at     DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_webhook_delivery_batch (webhook_id, after_seq),
    KEY ix_webhook_delivery_due (state, next_attempt_at),
    CONSTRAINT fk_webhook_delivery_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id),
    CONSTRAINT ck_webhook_delivery_state CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
