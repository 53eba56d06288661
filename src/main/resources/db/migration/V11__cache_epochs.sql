-- A number per cached figure that every write it depends on raises in its own transaction: an
-- instance that keeps the figure keeps it with the number it was read at, and reads it again once
-- the number moved, whichever instance wrote.
CREATE TABLE cache_epoch (
    name   VARCHAR(40) NOT NULL,
    epoch  BIGINT      NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO cache_epoch (name, epoch) VALUES ('zone_year', 0);
