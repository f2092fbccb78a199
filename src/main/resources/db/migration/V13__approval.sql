-- Approval and filing chain (审批报备). Procedures are data and versioned: an approval keeps the
-- procedure revision it started on, whatever an administrator changes later.
CREATE TABLE procedure_definition (
    id         BIGSERIAL PRIMARY KEY,
    route      VARCHAR(20)  NOT NULL,
    revision   INTEGER      NOT NULL,
    steps      JSONB        NOT NULL,
    note       VARCHAR(500),
    active     BOOLEAN      NOT NULL,
    created_by VARCHAR(60)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT procedure_route_ck CHECK (route IN ('ANNUAL', 'TEMPORARY')),
    UNIQUE (route, revision)
);
CREATE UNIQUE INDEX procedure_active_uq ON procedure_definition (route) WHERE active;

-- Revision 1 of both routes: the seed's chain. Temporary items must start within two weeks of
-- submission at the earliest, so their steps are shorter.
INSERT INTO procedure_definition (route, revision, steps, note, active, created_by) VALUES
('ANNUAL', 1, '[
  {"kind": "EXPERT_OPINION",     "organizationKind": "EXPERT_COMMITTEE",           "role": "COMMITTEE_SECRETARY", "deadlineWorkingDays": 10, "quorum": "ONE"},
  {"kind": "PRELIMINARY_REVIEW", "organizationKind": "EDUCATION_COMMISSION",       "role": "COMMISSION_REVIEWER", "deadlineWorkingDays": 5,  "quorum": "ONE"},
  {"kind": "DISTRICT_APPROVAL",  "organizationKind": "DISTRICT_LEADERSHIP_GROUP",  "role": "DISTRICT_APPROVER",   "deadlineWorkingDays": 5,  "quorum": "ONE"},
  {"kind": "MUNICIPAL_FILING",   "organizationKind": "MUNICIPAL_LEADERSHIP_GROUP", "role": "MUNICIPAL_FILER",     "deadlineWorkingDays": 5,  "quorum": "ONE"}
]', '依据行动方案：部门申请→专家委员会论证→区教委初审→区委教育工作领导小组审核批准→市委教育工作领导小组备案', TRUE, 'system'),
('TEMPORARY', 1, '[
  {"kind": "EXPERT_OPINION",     "organizationKind": "EXPERT_COMMITTEE",           "role": "COMMITTEE_SECRETARY", "deadlineWorkingDays": 3, "quorum": "ONE"},
  {"kind": "PRELIMINARY_REVIEW", "organizationKind": "EDUCATION_COMMISSION",       "role": "COMMISSION_REVIEWER", "deadlineWorkingDays": 2, "quorum": "ONE"},
  {"kind": "DISTRICT_APPROVAL",  "organizationKind": "DISTRICT_LEADERSHIP_GROUP",  "role": "DISTRICT_APPROVER",   "deadlineWorkingDays": 2, "quorum": "ONE"},
  {"kind": "MUNICIPAL_FILING",   "organizationKind": "MUNICIPAL_LEADERSHIP_GROUP", "role": "MUNICIPAL_FILER",     "deadlineWorkingDays": 2, "quorum": "ONE"}
]', '一事一审：临时事项走同一链条，时限缩短', TRUE, 'system');

CREATE TABLE approval (
    id                   BIGSERIAL PRIMARY KEY,
    item_id              BIGINT       NOT NULL REFERENCES item (id),
    procedure_id         BIGINT       NOT NULL REFERENCES procedure_definition (id),
    department_id        BIGINT       NOT NULL REFERENCES organization (id),
    -- Copied from the item and its department so that inboxes read one table (and stay fast).
    item_title           VARCHAR(100) NOT NULL,
    department_name      VARCHAR(100) NOT NULL,
    route                VARCHAR(20)  NOT NULL,
    jurisdiction_id      BIGINT       NOT NULL REFERENCES organization (id),
    year                 INTEGER      NOT NULL,
    exempt               BOOLEAN      NOT NULL,
    -- The scope as last submitted: what the per-school semester cap counts.
    starts_on            DATE         NOT NULL,
    ends_on              DATE         NOT NULL,
    stages               TEXT[]       NOT NULL,
    target_schools       VARCHAR(500),
    status               VARCHAR(30)  NOT NULL,
    current_step         INTEGER      NOT NULL,
    paused_working_days  INTEGER,
    applicants           TEXT[]       NOT NULL,
    last_submitted_at    TIMESTAMPTZ  NOT NULL,
    district_approved    BOOLEAN      NOT NULL DEFAULT FALSE,
    started_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL,
    finished_at          TIMESTAMPTZ,
    version              INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT approval_status_ck CHECK (status IN
        ('IN_PROGRESS', 'AWAITING_CORRECTION', 'READY_FOR_WHITELIST', 'REJECTED', 'WITHDRAWN'))
);
-- One chain under way per item; finished chains stay for the record.
CREATE UNIQUE INDEX approval_item_open_uq ON approval (item_id) WHERE status IN ('IN_PROGRESS', 'AWAITING_CORRECTION');
CREATE INDEX approval_item_idx ON approval (item_id);
CREATE INDEX approval_quota_idx ON approval (jurisdiction_id, year) WHERE district_approved;

-- A task is one organisation's (or, for countersigning and after a transfer, one person's) share of a step.
CREATE TABLE approval_task (
    id               BIGSERIAL PRIMARY KEY,
    approval_id      BIGINT       NOT NULL REFERENCES approval (id),
    step_no          INTEGER      NOT NULL,
    step_kind        VARCHAR(30)  NOT NULL,
    organization_id  BIGINT       NOT NULL REFERENCES organization (id),
    role             VARCHAR(30)  NOT NULL,
    assignee_id      BIGINT       REFERENCES account (id),
    status           VARCHAR(20)  NOT NULL,
    outcome          VARCHAR(20),
    opinion          VARCHAR(2000),
    acted_by         VARCHAR(60),
    acted_by_name    VARCHAR(60),
    acted_at         TIMESTAMPTZ,
    opened_at        TIMESTAMPTZ  NOT NULL,
    due_on           DATE         NOT NULL,
    reminders        INTEGER      NOT NULL DEFAULT 0,
    last_reminded_at TIMESTAMPTZ,
    overdue_reported BOOLEAN      NOT NULL DEFAULT FALSE,
    quota_override   VARCHAR(1000),
    CONSTRAINT approval_task_status_ck CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    CONSTRAINT approval_task_outcome_ck CHECK (outcome IS NULL OR outcome IN ('APPROVED', 'RETURNED', 'REJECTED'))
);
-- Inboxes read only open tasks, by organisation or by person, most urgent first.
CREATE INDEX approval_task_open_org_idx ON approval_task (organization_id, due_on, id) WHERE status = 'OPEN';
CREATE INDEX approval_task_open_assignee_idx ON approval_task (assignee_id, due_on, id) WHERE status = 'OPEN';
CREATE INDEX approval_task_approval_idx ON approval_task (approval_id, step_no);
CREATE INDEX approval_task_done_by_idx ON approval_task (acted_by, acted_at DESC) WHERE status = 'DONE';

-- The public trace of a chain: every action with organisation, person, time, text and deadline.
CREATE TABLE approval_trace (
    id                BIGSERIAL PRIMARY KEY,
    approval_id       BIGINT       NOT NULL REFERENCES approval (id),
    kind              VARCHAR(30)  NOT NULL,
    step_no           INTEGER,
    organization_name VARCHAR(100) NOT NULL,
    actor             VARCHAR(60)  NOT NULL,
    actor_name        VARCHAR(60)  NOT NULL,
    text              VARCHAR(2000),
    due_on            DATE,
    at                TIMESTAMPTZ  NOT NULL
);
CREATE INDEX approval_trace_approval_idx ON approval_trace (approval_id, id);

-- 抄送: organisations that receive a copy may read the item and follow its chain.
CREATE TABLE approval_copy (
    approval_id     BIGINT       NOT NULL REFERENCES approval (id),
    organization_id BIGINT       NOT NULL REFERENCES organization (id),
    copied_by       VARCHAR(60)  NOT NULL,
    copied_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (approval_id, organization_id)
);
CREATE INDEX approval_copy_org_idx ON approval_copy (organization_id, copied_at DESC);

-- 总量控制: caps per jurisdiction and year. Without a row the defaults of the rules table apply.
CREATE TABLE quota (
    jurisdiction_id                  BIGINT      NOT NULL REFERENCES organization (id),
    year                             INTEGER     NOT NULL,
    max_items                        INTEGER     NOT NULL CHECK (max_items BETWEEN 0 AND 100),
    max_activities_per_school_semester INTEGER   NOT NULL CHECK (max_activities_per_school_semester BETWEEN 0 AND 50),
    updated_by                       VARCHAR(60) NOT NULL,
    updated_at                       TIMESTAMPTZ NOT NULL,
    version                          INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (jurisdiction_id, year)
);

ALTER TABLE item DROP CONSTRAINT item_status_ck;
ALTER TABLE item ADD CONSTRAINT item_status_ck
    CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'WITHDRAWN', 'APPROVED', 'REJECTED'));
