-- Mutations sent with an Idempotency-Key header: the key (per client, case-sensitive), the hash of
-- the request it names, and the first answer, kept until it expires. The row is written in the
-- transaction of the mutation's write, so that a key is taken exactly when the write commits.
CREATE TABLE idempotency_key (
    client           VARCHAR(100) NOT NULL,
    idempotency_key  VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request_hash     CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    response         MEDIUMTEXT,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (client, idempotency_key),
    KEY ix_idempotency_key_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
