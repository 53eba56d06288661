-- The zone's portfolio: sectors, enterprises, projects and their life cycle, the investment ledger,
-- industry funds with their investors, talent programmes, and the zone's indicators and targets.
--
-- Portable across MySQL 8.4, MariaDB 10.11/11.4 and TiDB: InnoDB, utf8mb4, DECIMAL for money,
-- DATE for dates, DATETIME(6) in UTC for instants; no triggers, procedures or events.
-- Every table carries created_at, updated_at, version (optimistic locking), deleted_at (soft
-- delete) and its provenance: REPORTED (a fact of a named source) or ILLUSTRATIVE.

CREATE TABLE sector (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    code          VARCHAR(40)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    name_en       VARCHAR(200),
    is_emerging   BOOLEAN      NOT NULL DEFAULT FALSE,
    is_leading    BOOLEAN      NOT NULL DEFAULT FALSE,
    sort_order    INT          NOT NULL DEFAULT 0,
    provenance    VARCHAR(12)  NOT NULL,
    source        VARCHAR(300),
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version       BIGINT       NOT NULL DEFAULT 0,
    deleted_at    DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_sector_code (code),
    CONSTRAINT ck_sector_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE')),
    CONSTRAINT ck_sector_leading_is_emerging CHECK (is_emerging OR NOT is_leading)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE enterprise (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    uscc           CHAR(18)     NOT NULL,
    name           VARCHAR(200) NOT NULL,
    name_en        VARCHAR(300),
    sector_id      BIGINT,
    established_on DATE,
    provenance     VARCHAR(12)  NOT NULL,
    source         VARCHAR(300),
    created_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version        BIGINT       NOT NULL DEFAULT 0,
    deleted_at     DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_enterprise_uscc (uscc),
    KEY ix_enterprise_sector (sector_id, id),
    KEY ix_enterprise_name (name, id),
    KEY ix_enterprise_updated (updated_at, id),
    CONSTRAINT fk_enterprise_sector FOREIGN KEY (sector_id) REFERENCES sector (id),
    CONSTRAINT ck_enterprise_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- National high-tech enterprise (国家高新技术企业), tech SME (国家科技型中小企业), above designated size (规上).
CREATE TABLE enterprise_qualification (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT       NOT NULL,
    qualification  VARCHAR(20)  NOT NULL,
    granted_year   SMALLINT     NOT NULL,
    provenance     VARCHAR(12)  NOT NULL,
    source         VARCHAR(300),
    created_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version        BIGINT       NOT NULL DEFAULT 0,
    deleted_at     DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_qualification (enterprise_id, qualification, granted_year),
    KEY ix_qualification_year (qualification, granted_year, enterprise_id),
    CONSTRAINT fk_qualification_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT ck_qualification_kind CHECK (qualification IN ('HIGH_TECH', 'TECH_SME', 'ABOVE_SIZE')),
    CONSTRAINT ck_qualification_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Awards such as the Zhejiang Science and Technology Progress Award (浙江省科学技术进步奖).
CREATE TABLE enterprise_award (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT       NOT NULL,
    name           VARCHAR(200) NOT NULL,
    name_en        VARCHAR(300),
    grade          VARCHAR(20),
    award_year     SMALLINT     NOT NULL,
    provenance     VARCHAR(12)  NOT NULL,
    source         VARCHAR(300),
    created_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version        BIGINT       NOT NULL DEFAULT 0,
    deleted_at     DATETIME(6),
    PRIMARY KEY (id),
    KEY ix_award_enterprise (enterprise_id, award_year),
    CONSTRAINT fk_award_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT ck_award_grade CHECK (grade IS NULL OR grade IN ('FIRST', 'SECOND', 'THIRD', 'SPECIAL')),
    CONSTRAINT ck_award_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An investment project, from signing (签约) to above designated size (上规). Money in CNY 元.
-- stage is the latest stage reached, kept with the milestones in the same transaction.
CREATE TABLE project (
    id                           BIGINT         NOT NULL AUTO_INCREMENT,
    name                         VARCHAR(200)   NOT NULL,
    name_en                      VARCHAR(300),
    enterprise_id                BIGINT         NOT NULL,
    sector_id                    BIGINT         NOT NULL,
    total_investment             DECIMAL(18, 2) NOT NULL,
    foreign_investment           DECIMAL(18, 2),
    foreign_investment_currency  CHAR(3),
    land_area_mu                 DECIMAL(12, 2),
    provincial_major             BOOLEAN        NOT NULL DEFAULT FALSE,
    reclaimed_land               BOOLEAN        NOT NULL DEFAULT FALSE,
    stage                        VARCHAR(20)    NOT NULL,
    provenance                   VARCHAR(12)    NOT NULL,
    source                       VARCHAR(300),
    created_at                   DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at                   DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version                      BIGINT         NOT NULL DEFAULT 0,
    deleted_at                   DATETIME(6),
    PRIMARY KEY (id),
    KEY ix_project_enterprise (enterprise_id, id),
    KEY ix_project_sector (sector_id, id),
    KEY ix_project_stage (stage, id),
    KEY ix_project_investment (total_investment, id),
    KEY ix_project_name (name, id),
    KEY ix_project_updated (updated_at, id),
    CONSTRAINT fk_project_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_project_sector FOREIGN KEY (sector_id) REFERENCES sector (id),
    CONSTRAINT ck_project_stage CHECK (stage IN ('SIGNED', 'REGISTERED', 'STARTED', 'COMPLETED', 'IN_PRODUCTION', 'ABOVE_SIZE')),
    CONSTRAINT ck_project_amounts CHECK (total_investment >= 0 AND (foreign_investment IS NULL OR foreign_investment >= 0)),
    CONSTRAINT ck_project_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per stage a project has reached, with the date it was reached.
CREATE TABLE project_milestone (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    project_id    BIGINT       NOT NULL,
    stage         VARCHAR(20)  NOT NULL,
    reached_on    DATE         NOT NULL,
    provenance    VARCHAR(12)  NOT NULL,
    source        VARCHAR(300),
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version       BIGINT       NOT NULL DEFAULT 0,
    deleted_at    DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_milestone (project_id, stage),
    KEY ix_milestone_reached (stage, reached_on, project_id),
    CONSTRAINT fk_milestone_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_milestone_stage CHECK (stage IN ('SIGNED', 'REGISTERED', 'STARTED', 'COMPLETED', 'IN_PRODUCTION', 'ABOVE_SIZE')),
    CONSTRAINT ck_milestone_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 五未: a stalled project on the zone's list, from listing to clearance (销号).
CREATE TABLE project_stall (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    project_id    BIGINT       NOT NULL,
    category      VARCHAR(30)  NOT NULL,
    listed_on     DATE         NOT NULL,
    cleared_on    DATE,
    provenance    VARCHAR(12)  NOT NULL,
    source        VARCHAR(300),
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version       BIGINT       NOT NULL DEFAULT 0,
    deleted_at    DATETIME(6),
    PRIMARY KEY (id),
    KEY ix_stall_project (project_id, listed_on),
    KEY ix_stall_listed (listed_on, project_id),
    KEY ix_stall_cleared (cleared_on, project_id),
    CONSTRAINT fk_stall_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_stall_category CHECK (category IN ('SIGNED_NOT_LANDED', 'LANDED_NOT_STARTED', 'STARTED_NOT_COMPLETED',
                                                     'COMPLETED_NOT_PRODUCING', 'PRODUCING_BELOW_CAPACITY')),
    CONSTRAINT ck_stall_dates CHECK (cleared_on IS NULL OR cleared_on >= listed_on),
    CONSTRAINT ck_stall_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE investor (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(200) NOT NULL,
    name_en       VARCHAR(300),
    investor_type VARCHAR(30)  NOT NULL,
    provenance    VARCHAR(12)  NOT NULL,
    source        VARCHAR(300),
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version       BIGINT       NOT NULL DEFAULT 0,
    deleted_at    DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_investor_name (name),
    KEY ix_investor_updated (updated_at, id),
    CONSTRAINT ck_investor_type CHECK (investor_type IN ('INSTITUTION', 'GOVERNMENT', 'CORPORATE', 'BANK', 'OTHER')),
    CONSTRAINT ck_investor_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An industry fund (产业基金); manager_id is the investor that manages it, where it is one.
CREATE TABLE fund (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    name          VARCHAR(200)   NOT NULL,
    name_en       VARCHAR(300),
    size          DECIMAL(18, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL DEFAULT 'CNY',
    vintage_year  SMALLINT       NOT NULL,
    manager_id    BIGINT,
    provenance    VARCHAR(12)    NOT NULL,
    source        VARCHAR(300),
    created_at    DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version       BIGINT         NOT NULL DEFAULT 0,
    deleted_at    DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_fund_name (name),
    KEY ix_fund_manager (manager_id, id),
    KEY ix_fund_vintage (vintage_year, id),
    KEY ix_fund_updated (updated_at, id),
    CONSTRAINT fk_fund_manager FOREIGN KEY (manager_id) REFERENCES investor (id),
    CONSTRAINT ck_fund_size CHECK (size >= 0),
    CONSTRAINT ck_fund_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The sectors a fund focuses on.
CREATE TABLE fund_sector (
    fund_id       BIGINT NOT NULL,
    sector_id     BIGINT NOT NULL,
    PRIMARY KEY (fund_id, sector_id),
    KEY ix_fund_sector_sector (sector_id, fund_id),
    CONSTRAINT fk_fund_sector_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_fund_sector_sector FOREIGN KEY (sector_id) REFERENCES sector (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An investor's commitment to a fund: what it committed and what has been called so far.
CREATE TABLE commitment (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    fund_id       BIGINT         NOT NULL,
    investor_id   BIGINT         NOT NULL,
    committed     DECIMAL(18, 2) NOT NULL,
    called        DECIMAL(18, 2) NOT NULL DEFAULT 0,
    currency      CHAR(3)        NOT NULL DEFAULT 'CNY',
    committed_on  DATE,
    provenance    VARCHAR(12)    NOT NULL,
    source        VARCHAR(300),
    created_at    DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version       BIGINT         NOT NULL DEFAULT 0,
    deleted_at    DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_commitment (fund_id, investor_id),
    KEY ix_commitment_investor (investor_id, fund_id),
    CONSTRAINT fk_commitment_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_commitment_investor FOREIGN KEY (investor_id) REFERENCES investor (id),
    CONSTRAINT ck_commitment_amounts CHECK (committed >= 0 AND called >= 0 AND called <= committed),
    CONSTRAINT ck_commitment_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The investment ledger. sector_id is the sector the amount counts towards (the project's, else
-- the enterprise's), written with the row so that sector and year summaries read one index.
CREATE TABLE investment (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    kind          VARCHAR(20)    NOT NULL,
    amount        DECIMAL(18, 2) NOT NULL,
    currency      CHAR(3)        NOT NULL DEFAULT 'CNY',
    year          SMALLINT       NOT NULL,
    invested_on   DATE,
    project_id    BIGINT,
    enterprise_id BIGINT,
    fund_id       BIGINT,
    sector_id     BIGINT,
    note          VARCHAR(500),
    provenance    VARCHAR(12)    NOT NULL,
    source        VARCHAR(300),
    created_at    DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version       BIGINT         NOT NULL DEFAULT 0,
    deleted_at    DATETIME(6),
    PRIMARY KEY (id),
    -- Relations and their pages: a parent's live rows in id order.
    KEY ix_investment_project (project_id, deleted_at, id),
    KEY ix_investment_enterprise (enterprise_id, deleted_at, id),
    KEY ix_investment_fund (fund_id, deleted_at, id),
    KEY ix_investment_sector (sector_id, deleted_at, id),
    -- A kind's rows by amount, and a kind's totals by fund, read from the index alone.
    KEY ix_investment_kind_amount (kind, deleted_at, amount, id),
    KEY ix_investment_kind_fund (kind, fund_id, currency, deleted_at, amount),
    KEY ix_investment_year (year, deleted_at, id),
    KEY ix_investment_updated (updated_at, id),
    CONSTRAINT fk_investment_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_investment_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_investment_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_investment_sector FOREIGN KEY (sector_id) REFERENCES sector (id),
    CONSTRAINT ck_investment_kind CHECK (kind IN ('FIXED_ASSET', 'FUND_EQUITY', 'FOREIGN_DIRECT', 'LOAN')),
    CONSTRAINT ck_investment_amount CHECK (amount >= 0),
    CONSTRAINT ck_investment_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE talent_programme (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    code          VARCHAR(40)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    name_en       VARCHAR(300),
    level         VARCHAR(20)  NOT NULL,
    provenance    VARCHAR(12)  NOT NULL,
    source        VARCHAR(300),
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version       BIGINT       NOT NULL DEFAULT 0,
    deleted_at    DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_talent_programme_code (code),
    CONSTRAINT ck_talent_programme_level CHECK (level IN ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'ZONE')),
    CONSTRAINT ck_talent_programme_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An award of a talent programme: a person or a talent project, with the enterprise and project
-- it went to and the grant that came with it (CNY 元).
CREATE TABLE talent_award (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    programme_id   BIGINT         NOT NULL,
    award_year     SMALLINT       NOT NULL,
    title          VARCHAR(200)   NOT NULL,
    person_name    VARCHAR(100),
    enterprise_id  BIGINT,
    project_id     BIGINT,
    grant_amount   DECIMAL(18, 2),
    grant_currency CHAR(3),
    provenance     VARCHAR(12)    NOT NULL,
    source         VARCHAR(300),
    created_at     DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version        BIGINT         NOT NULL DEFAULT 0,
    deleted_at     DATETIME(6),
    PRIMARY KEY (id),
    KEY ix_talent_award_programme (programme_id, award_year, id),
    KEY ix_talent_award_year (award_year, id),
    KEY ix_talent_award_enterprise (enterprise_id, id),
    KEY ix_talent_award_project (project_id, id),
    CONSTRAINT fk_talent_award_programme FOREIGN KEY (programme_id) REFERENCES talent_programme (id),
    CONSTRAINT fk_talent_award_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_talent_award_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_talent_award_grant CHECK (grant_amount IS NULL OR grant_amount >= 0),
    CONSTRAINT ck_talent_award_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The zone's indicators as reported for a year: value in the reported unit (null where only a
-- growth rate was given) and year-on-year change in percent.
CREATE TABLE zone_indicator (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    code            VARCHAR(60)    NOT NULL,
    year            SMALLINT       NOT NULL,
    name            VARCHAR(200)   NOT NULL,
    name_en         VARCHAR(300),
    value           DECIMAL(20, 4),
    unit            VARCHAR(20)    NOT NULL,
    yoy_change_pct  DECIMAL(9, 2),
    qualifier       VARCHAR(20),
    provenance      VARCHAR(12)    NOT NULL,
    source          VARCHAR(300),
    created_at      DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at      DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version         BIGINT         NOT NULL DEFAULT 0,
    deleted_at      DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_zone_indicator (code, year),
    KEY ix_zone_indicator_year (year, code),
    CONSTRAINT ck_zone_indicator_qualifier CHECK (qualifier IS NULL OR qualifier IN ('ESTIMATED', 'MORE_THAN', 'AT_LEAST')),
    CONSTRAINT ck_zone_indicator_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The zone's targets for a year, in the unit the target is set in.
CREATE TABLE zone_target (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    code            VARCHAR(60)    NOT NULL,
    year            SMALLINT       NOT NULL,
    name            VARCHAR(200)   NOT NULL,
    name_en         VARCHAR(300),
    target          DECIMAL(20, 4) NOT NULL,
    unit            VARCHAR(20)    NOT NULL,
    qualifier       VARCHAR(20),
    provenance      VARCHAR(12)    NOT NULL,
    source          VARCHAR(300),
    created_at      DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at      DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    version         BIGINT         NOT NULL DEFAULT 0,
    deleted_at      DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_zone_target (code, year),
    KEY ix_zone_target_year (year, code),
    CONSTRAINT ck_zone_target_qualifier CHECK (qualifier IS NULL OR qualifier IN ('ESTIMATED', 'MORE_THAN', 'AT_LEAST')),
    CONSTRAINT ck_zone_target_provenance CHECK (provenance IN ('REPORTED', 'ILLUSTRATIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
