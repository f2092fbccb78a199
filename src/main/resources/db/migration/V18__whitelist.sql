-- Whitelists (白名单): two list types per jurisdiction and year, their entries, published versions
-- (frozen copies), the public change log and the objections of the comment period (公示).
CREATE TABLE whitelist (
    id                BIGSERIAL PRIMARY KEY,
    jurisdiction_id   BIGINT       NOT NULL REFERENCES organization (id),
    year              INTEGER      NOT NULL,
    kind              VARCHAR(20)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    published_version INTEGER      NOT NULL DEFAULT 0,
    comment_starts_on DATE,
    comment_ends_on   DATE,
    approved_by       VARCHAR(60),
    approval_text     VARCHAR(1000),
    document_number   VARCHAR(100),
    effective_from    DATE,
    effective_to      DATE,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    version           INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT whitelist_kind_ck CHECK (kind IN ('SOCIAL_AFFAIRS', 'INSPECTION')),
    CONSTRAINT whitelist_status_ck CHECK (status IN
        ('DRAFT', 'COMMENT_PERIOD', 'APPROVED', 'PUBLISHED', 'AMENDED', 'ARCHIVED')),
    UNIQUE (jurisdiction_id, year, kind)
);

CREATE TABLE whitelist_entry (
    id                  BIGSERIAL PRIMARY KEY,
    whitelist_id        BIGINT       NOT NULL REFERENCES whitelist (id),
    item_id             BIGINT       NOT NULL REFERENCES item (id),
    approval_id         BIGINT       NOT NULL,
    route               VARCHAR(20)  NOT NULL,
    title               VARCHAR(100) NOT NULL,
    theme               VARCHAR(100),
    department_id       BIGINT       NOT NULL REFERENCES organization (id),
    department_name     VARCHAR(100) NOT NULL,
    basis               VARCHAR(500),
    content             VARCHAR(5000),
    form                VARCHAR(500),
    stages              VARCHAR(200) NOT NULL,
    target_grades       VARCHAR(100),
    target_schools      VARCHAR(500),
    starts_on           DATE         NOT NULL,
    ends_on             DATE         NOT NULL,
    frequency           VARCHAR(30),
    delivery_mode       VARCHAR(30),
    integration_channel VARCHAR(30),
    exempt              BOOLEAN      NOT NULL,
    place               VARCHAR(200),
    removed             BOOLEAN      NOT NULL DEFAULT FALSE,
    added_in_version    INTEGER,
    removed_in_version  INTEGER,
    removal_reason      VARCHAR(1000),
    removed_on          DATE,
    UNIQUE (whitelist_id, item_id)
);
CREATE INDEX whitelist_entry_department_ix ON whitelist_entry (department_id);

CREATE TABLE whitelist_version (
    whitelist_id    BIGINT       NOT NULL REFERENCES whitelist (id),
    number          INTEGER      NOT NULL,
    document_number VARCHAR(100) NOT NULL,
    effective_from  DATE         NOT NULL,
    effective_to    DATE         NOT NULL,
    note            VARCHAR(1000) NOT NULL,
    published_by    VARCHAR(60)  NOT NULL,
    published_at    TIMESTAMPTZ  NOT NULL,
    entries         JSONB        NOT NULL,
    PRIMARY KEY (whitelist_id, number)
);

CREATE TABLE whitelist_change (
    id             BIGSERIAL PRIMARY KEY,
    whitelist_id   BIGINT        NOT NULL REFERENCES whitelist (id),
    version_number INTEGER,
    kind           VARCHAR(20)   NOT NULL,
    entry_id       BIGINT REFERENCES whitelist_entry (id),
    entry_title    VARCHAR(100),
    changed_on     DATE          NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    decision       VARCHAR(1000) NOT NULL,
    actor          VARCHAR(60)   NOT NULL,
    at             TIMESTAMPTZ   NOT NULL,
    CONSTRAINT whitelist_change_kind_ck CHECK (kind IN ('ADDED', 'REMOVED', 'STATUS'))
);
CREATE INDEX whitelist_change_list_ix ON whitelist_change (whitelist_id, id);

CREATE TABLE whitelist_objection (
    id           BIGSERIAL PRIMARY KEY,
    whitelist_id BIGINT        NOT NULL REFERENCES whitelist (id),
    entry_id     BIGINT REFERENCES whitelist_entry (id),
    name         VARCHAR(60),
    contact      VARCHAR(100),
    text         VARCHAR(2000) NOT NULL,
    submitted_at TIMESTAMPTZ   NOT NULL,
    answer       VARCHAR(2000),
    upheld       BOOLEAN,
    answered_by  VARCHAR(60),
    answered_at  TIMESTAMPTZ
);
CREATE INDEX whitelist_objection_list_ix ON whitelist_objection (whitelist_id, id);
