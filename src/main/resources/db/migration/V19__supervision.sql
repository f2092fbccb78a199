-- Supervision (闭环监管, R-6): cases that group related complaints, the complaints themselves with the
-- complainant's identity sealed (AES-GCM, key outside the database) and the receipt code kept only as a
-- digest, the messages exchanged with the complainant, evidence files (stored sealed outside the web root;
-- only their description here), each case's history, extensions and measures. No IP address is kept.
CREATE SEQUENCE supervision_case_number_seq;

CREATE TABLE supervision_case (
    id               BIGSERIAL PRIMARY KEY,
    number           VARCHAR(20)   NOT NULL UNIQUE,
    jurisdiction_id  BIGINT        NOT NULL REFERENCES organization (id),
    school_id        BIGINT        NOT NULL REFERENCES organization (id),
    school_name      VARCHAR(100)  NOT NULL,
    target_id        BIGINT        REFERENCES organization (id),
    target_name      VARCHAR(100),
    category         VARCHAR(30)   NOT NULL,
    item_title       VARCHAR(100),
    period_start     DATE          NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    stage_started_on DATE          NOT NULL,
    due_on           DATE          NOT NULL,
    overdue          BOOLEAN       NOT NULL DEFAULT FALSE,
    escalation_level INTEGER       NOT NULL DEFAULT 0,
    weight           INTEGER       NOT NULL DEFAULT 1,
    outcome          VARCHAR(30),
    findings         VARCHAR(4000),
    verified_at      TIMESTAMPTZ,
    closing_reply    VARCHAR(2000),
    opened_at        TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    closed_at        TIMESTAMPTZ,
    version          INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT supervision_case_status_ck CHECK (status IN ('RECEIVED', 'VERIFICATION', 'HANDLING', 'FOLLOW_UP', 'CLOSED')),
    CONSTRAINT supervision_case_outcome_ck CHECK (outcome IS NULL OR outcome IN
        ('SUBSTANTIATED', 'NOT_SUBSTANTIATED', 'FALSE_REPORT', 'NOT_ACCEPTED'))
);
CREATE INDEX supervision_case_open_ix ON supervision_case (jurisdiction_id, status);
CREATE INDEX supervision_case_grouping_ix ON supervision_case (school_id, target_id) WHERE status <> 'CLOSED';
CREATE INDEX supervision_case_target_ix ON supervision_case (target_id);

CREATE TABLE complaint (
    id               BIGSERIAL PRIMARY KEY,
    case_id          BIGINT        NOT NULL REFERENCES supervision_case (id),
    receipt_digest   CHAR(64)      NOT NULL UNIQUE,
    channel          VARCHAR(20)   NOT NULL,
    category         VARCHAR(30)   NOT NULL,
    school_id        BIGINT        NOT NULL REFERENCES organization (id),
    school_name      VARCHAR(100)  NOT NULL,
    target_id        BIGINT        REFERENCES organization (id),
    target_name      VARCHAR(100),
    item_title       VARCHAR(100),
    happened_on      DATE          NOT NULL,
    description      VARCHAR(4000) NOT NULL,
    -- name and contact, sealed together with AES-256-GCM; NULL when the complainant stayed anonymous
    identity_sealed  BYTEA,
    -- keyed HMAC of the contact (blind index) to recognise repeated false complaints; never the contact itself
    complainant_key  CHAR(64),
    card             VARCHAR(10)   NOT NULL DEFAULT 'NONE',
    received_at      TIMESTAMPTZ   NOT NULL,
    logged_by        VARCHAR(60),
    CONSTRAINT complaint_channel_ck CHECK (channel IN ('ONLINE', 'HOTLINE', 'MAILBOX', 'LETTER', 'MONITORING')),
    CONSTRAINT complaint_card_ck CHECK (card IN ('NONE', 'YELLOW', 'RED'))
);
CREATE INDEX complaint_case_ix ON complaint (case_id);
CREATE INDEX complaint_complainant_ix ON complaint (complainant_key) WHERE complainant_key IS NOT NULL;

CREATE TABLE complaint_message (
    id            BIGSERIAL PRIMARY KEY,
    complaint_id  BIGINT        NOT NULL REFERENCES complaint (id),
    direction     VARCHAR(20)   NOT NULL,
    body          VARCHAR(2000) NOT NULL,
    author        VARCHAR(60),
    at            TIMESTAMPTZ   NOT NULL,
    CONSTRAINT complaint_message_direction_ck CHECK (direction IN ('FROM_COMPLAINANT', 'TO_COMPLAINANT'))
);
CREATE INDEX complaint_message_complaint_ix ON complaint_message (complaint_id, at);

CREATE TABLE complaint_evidence (
    id            BIGSERIAL PRIMARY KEY,
    complaint_id  BIGINT        NOT NULL REFERENCES complaint (id),
    file_name     VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(60)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    storage_key   VARCHAR(64)   NOT NULL UNIQUE,
    sha256        CHAR(64)      NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX complaint_evidence_complaint_ix ON complaint_evidence (complaint_id);

CREATE TABLE supervision_trace (
    id           BIGSERIAL PRIMARY KEY,
    case_id      BIGINT        NOT NULL REFERENCES supervision_case (id),
    kind         VARCHAR(30)   NOT NULL,
    from_status  VARCHAR(20),
    to_status    VARCHAR(20),
    text         VARCHAR(4000),
    due_on       DATE,
    actor        VARCHAR(60)   NOT NULL,
    actor_name   VARCHAR(60)   NOT NULL,
    at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX supervision_trace_case_ix ON supervision_trace (case_id, id);

CREATE TABLE supervision_extension (
    id                BIGSERIAL PRIMARY KEY,
    case_id           BIGINT        NOT NULL REFERENCES supervision_case (id),
    stage             VARCHAR(20)   NOT NULL,
    working_days      INTEGER       NOT NULL,
    reason            VARCHAR(1000) NOT NULL,
    requested_by      VARCHAR(60)   NOT NULL,
    requested_by_name VARCHAR(60)   NOT NULL,
    requested_at      TIMESTAMPTZ   NOT NULL,
    approved          BOOLEAN,
    decided_by        VARCHAR(60),
    decision_note     VARCHAR(1000),
    decided_at        TIMESTAMPTZ
);
CREATE INDEX supervision_extension_case_ix ON supervision_extension (case_id);
CREATE INDEX supervision_extension_pending_ix ON supervision_extension (case_id) WHERE approved IS NULL;

CREATE TABLE sanction (
    id                 BIGSERIAL PRIMARY KEY,
    case_id            BIGINT        NOT NULL REFERENCES supervision_case (id),
    kind               VARCHAR(30)   NOT NULL,
    target_id          BIGINT        NOT NULL REFERENCES organization (id),
    target_name        VARCHAR(100)  NOT NULL,
    basis              VARCHAR(1000) NOT NULL,
    notice             VARCHAR(2000) NOT NULL,
    issued_by          VARCHAR(60)   NOT NULL,
    issued_by_name     VARCHAR(60)   NOT NULL,
    issued_at          TIMESTAMPTZ   NOT NULL,
    response_due_on    DATE          NOT NULL,
    response           VARCHAR(2000),
    responded_by       VARCHAR(60),
    responded_by_name  VARCHAR(60),
    responded_at       TIMESTAMPTZ,
    response_overdue   BOOLEAN       NOT NULL DEFAULT FALSE,
    whitelist_id       BIGINT,
    whitelist_entry_id BIGINT,
    entry_title        VARCHAR(100),
    removal_version    INTEGER,
    removal_done_by    VARCHAR(60),
    removal_done_at    TIMESTAMPTZ,
    exposure_summary   VARCHAR(2000),
    published_by       VARCHAR(60),
    published_at       TIMESTAMPTZ,
    CONSTRAINT sanction_kind_ck CHECK (kind IN ('REMINDER_LETTER', 'SUPERVISION_ORDER', 'NOTICE', 'INTERVIEW',
        'EXPOSURE', 'ACCOUNTABILITY', 'WHITELIST_REMOVAL'))
);
CREATE INDEX sanction_case_ix ON sanction (case_id);
CREATE INDEX sanction_target_ix ON sanction (target_id);
CREATE INDEX sanction_published_ix ON sanction (published_at) WHERE published_at IS NOT NULL;
