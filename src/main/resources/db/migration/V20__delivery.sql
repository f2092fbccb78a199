-- Implementation plans (实施方案, R-5): a department's plan for one whitelist entry, filed at least a month
-- before the activity and reviewed by the education commission (approve, possibly narrowed; return; merge).
CREATE TABLE implementation_plan (
    id                  BIGSERIAL     PRIMARY KEY,
    whitelist_entry_id  BIGINT        NOT NULL REFERENCES whitelist_entry (id),
    item_id             BIGINT        NOT NULL REFERENCES item (id),
    department_id       BIGINT        NOT NULL REFERENCES organization (id),
    department_name     VARCHAR(100)  NOT NULL,
    jurisdiction_id     BIGINT        NOT NULL REFERENCES organization (id),
    title               VARCHAR(100)  NOT NULL,
    theme               VARCHAR(100),
    status              VARCHAR(20)   NOT NULL,
    starts_on           DATE          NOT NULL,
    ends_on             DATE          NOT NULL,
    school_ids          BIGINT[]      NOT NULL,
    grades              VARCHAR(100)  NOT NULL,
    graduating_classes  VARCHAR(20)   NOT NULL,
    graduating_reason   VARCHAR(500),
    class_hours         INTEGER       NOT NULL,
    -- how many teachers of each school take part: a count, never names (R-7)
    teachers_involved   INTEGER       NOT NULL,
    delivery_mode       VARCHAR(30)   NOT NULL,
    integration_channel VARCHAR(30),
    arrangement         VARCHAR(2000) NOT NULL,
    resource_pack       VARCHAR(1000),
    -- what the department asked for, kept when the commission narrows the plan
    asked_starts_on     DATE          NOT NULL,
    asked_ends_on       DATE          NOT NULL,
    asked_school_ids    BIGINT[]      NOT NULL,
    asked_class_hours   INTEGER       NOT NULL,
    narrowed            BOOLEAN       NOT NULL DEFAULT FALSE,
    review_opinion      VARCHAR(1000),
    reviewed_by         VARCHAR(60),
    reviewed_at         TIMESTAMPTZ,
    merged_into_id      BIGINT REFERENCES implementation_plan (id),
    submissions         INTEGER       NOT NULL DEFAULT 1,
    submitted_by        VARCHAR(60)   NOT NULL,
    submitted_at        TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    version             INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT implementation_plan_status_ck CHECK (status IN ('SUBMITTED', 'RETURNED', 'APPROVED', 'MERGED', 'WITHDRAWN')),
    CONSTRAINT implementation_plan_dates_ck CHECK (ends_on >= starts_on),
    CONSTRAINT implementation_plan_hours_ck CHECK (class_hours BETWEEN 0 AND 200 AND teachers_involved >= 0),
    CONSTRAINT implementation_plan_delivery_ck CHECK (delivery_mode IN ('ON_CAMPUS', 'RESOURCE_PACK'))
);
CREATE INDEX implementation_plan_department_ix ON implementation_plan (department_id, status);
CREATE INDEX implementation_plan_jurisdiction_ix ON implementation_plan (jurisdiction_id, status);
-- the per-school schedule: plans reaching a school in a period
CREATE INDEX implementation_plan_schools_ix ON implementation_plan USING gin (school_ids);
