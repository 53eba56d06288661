-- The API's clients: partner systems, the dashboard, analysts. A client holds a bearer token that
-- is stored only as its SHA-256 hash; a PARTNER is bound to one investor. Revoked clients stay,
-- for the audit trail.
CREATE TABLE api_client (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    investor_id   BIGINT,
    token_hash    CHAR(64)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    revoked_at    DATETIME(6),
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_api_client_name (name),
    UNIQUE KEY uk_api_client_token (token_hash),
    CONSTRAINT fk_api_client_investor FOREIGN KEY (investor_id) REFERENCES investor (id),
    CONSTRAINT ck_api_client_role CHECK (role IN ('ADMIN', 'EDITOR', 'ANALYST', 'PARTNER')),
    CONSTRAINT ck_api_client_partner CHECK ((role = 'PARTNER') = (investor_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
