-- The special campaign (专项整治, R-8): milestones, the baseline survey (排查摸底) with its imports, the
-- problem list (问题清单) found by screening, the rectification ledger (整改台账) and the typical cases and
-- texts of the summary report (工作总结).
CREATE TABLE campaign (
    id              BIGSERIAL PRIMARY KEY,
    jurisdiction_id BIGINT        NOT NULL REFERENCES organization (id),
    year            INTEGER       NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    survey_since    DATE          NOT NULL,
    measures        VARCHAR(8000),
    outlook         VARCHAR(4000),
    created_by      VARCHAR(60)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    UNIQUE (jurisdiction_id, year)
);

CREATE TABLE campaign_milestone (
    id           BIGSERIAL PRIMARY KEY,
    campaign_id  BIGINT        NOT NULL REFERENCES campaign (id),
    kind         VARCHAR(30)   NOT NULL,
    due_on       DATE,
    status       VARCHAR(20)   NOT NULL,
    completed_on DATE,
    note         VARCHAR(1000),
    version      INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT campaign_milestone_kind_ck CHECK (kind IN
        ('DEPLOYMENT', 'BASELINE_SURVEY', 'WHITELIST_PUBLICATION', 'SUMMARY', 'CONTINUING_SUPERVISION')),
    CONSTRAINT campaign_milestone_status_ck CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED')),
    UNIQUE (campaign_id, kind)
);

CREATE TABLE survey_import (
    id            BIGSERIAL PRIMARY KEY,
    campaign_id   BIGINT        NOT NULL REFERENCES campaign (id),
    reporter_id   BIGINT        NOT NULL REFERENCES organization (id),
    file_name     VARCHAR(200)  NOT NULL,
    content_hash  CHAR(64)      NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    total_rows    INTEGER       NOT NULL,
    processed     INTEGER       NOT NULL DEFAULT 0,
    created       INTEGER       NOT NULL DEFAULT 0,
    skipped       INTEGER       NOT NULL DEFAULT 0,
    problems      INTEGER       NOT NULL DEFAULT 0,
    failure       VARCHAR(1000),
    started_by    VARCHAR(60)   NOT NULL,
    started_at    TIMESTAMPTZ   NOT NULL,
    finished_at   TIMESTAMPTZ,
    CONSTRAINT survey_import_status_ck CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX survey_import_campaign_ix ON survey_import (campaign_id, reporter_id);

CREATE TABLE survey_affair (
    id                    BIGSERIAL PRIMARY KEY,
    campaign_id           BIGINT        NOT NULL REFERENCES campaign (id),
    reporter_id           BIGINT        NOT NULL REFERENCES organization (id),
    -- Names copied when written, so lists read one table.
    reporter_name         VARCHAR(100)  NOT NULL,
    natural_key           CHAR(64)      NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    department_name       VARCHAR(100)  NOT NULL,
    department_id         BIGINT        REFERENCES organization (id),
    kind                  VARCHAR(20)   NOT NULL,
    occurred_on           DATE          NOT NULL,
    school_name           VARCHAR(200),
    school_id             BIGINT        REFERENCES organization (id),
    class_hours           NUMERIC(6, 1),
    approved              BOOLEAN       NOT NULL,
    content               VARCHAR(2000),
    charges_students      BOOLEAN       NOT NULL DEFAULT FALSE,
    teachers_leave_campus BOOLEAN       NOT NULL DEFAULT FALSE,
    import_id             BIGINT        REFERENCES survey_import (id),
    created_by            VARCHAR(60)   NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    CONSTRAINT survey_affair_kind_ck CHECK (kind IN
        ('PUBLICITY', 'ACTIVITY', 'INSPECTION', 'DATA_REQUEST', 'SECONDMENT', 'OTHER')),
    UNIQUE (campaign_id, natural_key)
);
CREATE INDEX survey_affair_reporter_ix ON survey_affair (campaign_id, reporter_id);

CREATE TABLE campaign_problem (
    id              BIGSERIAL PRIMARY KEY,
    campaign_id     BIGINT        NOT NULL REFERENCES campaign (id),
    affair_id       BIGINT        NOT NULL REFERENCES survey_affair (id),
    rule_id         VARCHAR(60)   NOT NULL,
    family          VARCHAR(20)   NOT NULL,
    severity        VARCHAR(10)   NOT NULL,
    clause          VARCHAR(1000) NOT NULL,
    explanation     VARCHAR(1000) NOT NULL,
    evidence        VARCHAR(500),
    status          VARCHAR(20)   NOT NULL,
    dismissal       VARCHAR(1000),
    typical         BOOLEAN       NOT NULL DEFAULT FALSE,
    case_note       VARCHAR(2000),
    created_at      TIMESTAMPTZ   NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT campaign_problem_status_ck CHECK (status IN ('OPEN', 'LEDGERED', 'CLOSED', 'DISMISSED')),
    UNIQUE (affair_id, rule_id)
);
CREATE INDEX campaign_problem_campaign_ix ON campaign_problem (campaign_id, status);

CREATE TABLE rectification_entry (
    id           BIGSERIAL PRIMARY KEY,
    problem_id   BIGINT        NOT NULL UNIQUE REFERENCES campaign_problem (id),
    campaign_id  BIGINT        NOT NULL REFERENCES campaign (id),
    owner_id     BIGINT        NOT NULL REFERENCES organization (id),
    owner_name   VARCHAR(100)  NOT NULL,
    measure      VARCHAR(2000) NOT NULL,
    deadline     DATE          NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    progress     VARCHAR(2000),
    evidence     VARCHAR(2000),
    opinion      VARCHAR(1000),
    verified_on  DATE,
    created_by   VARCHAR(60)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    version      INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT rectification_entry_status_ck CHECK (status IN ('ASSIGNED', 'IN_PROGRESS', 'SUBMITTED', 'VERIFIED'))
);
CREATE INDEX rectification_entry_owner_ix ON rectification_entry (owner_id, status);
