-- The budgets the instances have been configured with (zone.rate.*), each a version of the buckets'
-- configuration: a bucket stored under an older version takes the newer one at its next use, so
-- that a budget changed in the settings holds for clients whose buckets already exist.
CREATE TABLE rate_budget (
    budget   VARCHAR(200) NOT NULL,
    version  BIGINT       NOT NULL,
    PRIMARY KEY (budget)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
