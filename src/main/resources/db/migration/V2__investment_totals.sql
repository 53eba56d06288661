-- Investment totals by sector, year, kind and currency: the grain of the dashboard's summaries,
-- a few thousand rows however long the ledger grows. Kept exact with the ledger: every write to
-- investment updates its group in the same transaction, and bulk loads rebuild it.
-- sector_id 0 stands for "no sector", so that the key has no NULL and upserts find their row.

CREATE TABLE investment_total (
    sector_id     BIGINT         NOT NULL,
    year          SMALLINT       NOT NULL,
    kind          VARCHAR(20)    NOT NULL,
    currency      CHAR(3)        NOT NULL,
    row_count     BIGINT         NOT NULL,
    total         DECIMAL(20, 2) NOT NULL,
    min_amount    DECIMAL(18, 2) NOT NULL,
    max_amount    DECIMAL(18, 2) NOT NULL,
    PRIMARY KEY (sector_id, year, kind, currency),
    KEY ix_investment_total_kind (kind, year, sector_id, currency)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO investment_total (sector_id, year, kind, currency, row_count, total, min_amount, max_amount)
SELECT COALESCE(sector_id, 0), year, kind, currency, COUNT(*), SUM(amount), MIN(amount), MAX(amount)
FROM investment
WHERE deleted_at IS NULL
GROUP BY COALESCE(sector_id, 0), year, kind, currency;

-- Recomputing one group's minimum and maximum after a row leaves it reads this index alone.
CREATE INDEX ix_investment_group ON investment (sector_id, year, kind, currency, deleted_at, amount);
