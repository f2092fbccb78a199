-- Monitoring (监测哨点, R-6): what schools record as having really entered, the alerts raised from it for
-- the education commission, and the monitoring schools' monthly returns. Teachers appear only as counts (R-7).
CREATE TABLE sentinel_record (
    id               BIGSERIAL     PRIMARY KEY,
    school_id        BIGINT        NOT NULL REFERENCES organization (id),
    school_name      VARCHAR(100)  NOT NULL,
    jurisdiction_id  BIGINT        NOT NULL REFERENCES organization (id),
    kind             VARCHAR(30)   NOT NULL,
    plan_id          BIGINT,
    department_id    BIGINT        NOT NULL REFERENCES organization (id),
    department_name  VARCHAR(100)  NOT NULL,
    title            VARCHAR(100)  NOT NULL,
    occurred_on      DATE          NOT NULL,
    ends_on          DATE,
    class_hours      INTEGER       NOT NULL DEFAULT 0,
    teachers         INTEGER       NOT NULL DEFAULT 0,
    demands          VARCHAR(300)  NOT NULL DEFAULT '',
    assigned_on      DATE,
    comprehensive    BOOLEAN       NOT NULL DEFAULT FALSE,
    note             VARCHAR(1000),
    coverage         VARCHAR(40)   NOT NULL,
    findings         JSONB         NOT NULL DEFAULT '[]',
    recorded_by      VARCHAR(60)   NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT sentinel_record_kind_ck CHECK (kind IN ('ENTRY', 'INSPECTION', 'OFF_CAMPUS_REQUEST', 'SECONDMENT')),
    CONSTRAINT sentinel_record_counts_ck CHECK (class_hours BETWEEN 0 AND 200 AND teachers BETWEEN 0 AND 10000)
);
CREATE INDEX sentinel_record_school_ix ON sentinel_record (school_id, occurred_on);
CREATE INDEX sentinel_record_jurisdiction_ix ON sentinel_record (jurisdiction_id, occurred_on);

CREATE TABLE monitoring_alert (
    id               BIGSERIAL     PRIMARY KEY,
    kind             VARCHAR(40)   NOT NULL,
    record_id        BIGINT        NOT NULL REFERENCES sentinel_record (id),
    school_id        BIGINT        NOT NULL REFERENCES organization (id),
    school_name      VARCHAR(100)  NOT NULL,
    department_id    BIGINT        NOT NULL REFERENCES organization (id),
    department_name  VARCHAR(100)  NOT NULL,
    jurisdiction_id  BIGINT        NOT NULL REFERENCES organization (id),
    facts            JSONB         NOT NULL DEFAULT '[]',
    status           VARCHAR(20)   NOT NULL,
    raised_at        TIMESTAMPTZ   NOT NULL,
    handled_by       VARCHAR(60),
    handled_at       TIMESTAMPTZ,
    dismissal_reason VARCHAR(1000),
    case_note        VARCHAR(1000),
    version          INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT monitoring_alert_status_ck CHECK (status IN ('NEW', 'ACKNOWLEDGED', 'DISMISSED', 'CASE_OPENED')),
    CONSTRAINT monitoring_alert_facts_ck CHECK (jsonb_typeof(facts) = 'array')
);
CREATE INDEX monitoring_alert_jurisdiction_ix ON monitoring_alert (jurisdiction_id, status, raised_at DESC);

CREATE TABLE monthly_return (
    id               BIGSERIAL     PRIMARY KEY,
    school_id        BIGINT        NOT NULL REFERENCES organization (id),
    jurisdiction_id  BIGINT        NOT NULL REFERENCES organization (id),
    month            DATE          NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    lines            JSONB         NOT NULL DEFAULT '[]',
    note             VARCHAR(1000),
    prefilled_at     TIMESTAMPTZ   NOT NULL,
    confirmed_by     VARCHAR(60),
    confirmed_at     TIMESTAMPTZ,
    reopen_reason    VARCHAR(1000),
    version          INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT monthly_return_status_ck CHECK (status IN ('PREFILLED', 'CONFIRMED', 'CORRECTED', 'REOPENED')),
    CONSTRAINT monthly_return_month_ck CHECK (EXTRACT(DAY FROM month) = 1),
    UNIQUE (school_id, month)
);
