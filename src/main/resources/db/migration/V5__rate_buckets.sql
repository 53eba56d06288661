-- Each client's budget of query cost (a token bucket, Bucket4j's state), shared by every instance
-- of the service behind a load balancer.
CREATE TABLE rate_bucket (
    id     VARCHAR(200) NOT NULL,
    state  BLOB,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
