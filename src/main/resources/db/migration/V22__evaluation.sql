-- Evaluation (绩效评估, R-5, R-7). Anonymous answers carry no person, no browser token, no address and no exact time
-- (only the Monday of the week); schools appear only as organisations; nothing is about a teacher.

-- A delivered activity open for feedback: one per approved implementation plan whose last day has passed.
CREATE TABLE evaluated_activity (
    id                  BIGSERIAL     PRIMARY KEY,
    plan_id             BIGINT        NOT NULL UNIQUE,
    whitelist_entry_id  BIGINT        NOT NULL,
    item_id             BIGINT        NOT NULL,
    department_id       BIGINT        NOT NULL REFERENCES organization (id),
    department_name     VARCHAR(100)  NOT NULL,
    jurisdiction_id     BIGINT        NOT NULL REFERENCES organization (id),
    title               VARCHAR(200)  NOT NULL,
    starts_on           DATE          NOT NULL,
    ends_on             DATE          NOT NULL,
    -- the random part of the public link (and QR code); not guessable, not a person's
    feedback_token      VARCHAR(40)   NOT NULL UNIQUE,
    opened_on           DATE          NOT NULL,
    closes_on           DATE          NOT NULL
);
CREATE INDEX evaluated_activity_entry_ix ON evaluated_activity (whitelist_entry_id);
CREATE INDEX evaluated_activity_department_ix ON evaluated_activity (department_id);

-- The school's three questions about one activity it was asked about (sampled, capped per semester).
CREATE TABLE school_feedback (
    id              BIGSERIAL  PRIMARY KEY,
    activity_id     BIGINT     NOT NULL REFERENCES evaluated_activity (id),
    school_id       BIGINT     NOT NULL REFERENCES organization (id),
    asked_on        DATE       NOT NULL,
    reminded_on     DATE,
    answered_on     DATE,
    held            BOOLEAN,
    usefulness      SMALLINT,
    burden          SMALLINT,
    duplication     VARCHAR(10),
    version         INTEGER    NOT NULL DEFAULT 0,
    CONSTRAINT school_feedback_once_uk UNIQUE (activity_id, school_id),
    CONSTRAINT school_feedback_scale_ck CHECK ((usefulness IS NULL OR usefulness BETWEEN 1 AND 4)
        AND (burden IS NULL OR burden BETWEEN 1 AND 4)),
    CONSTRAINT school_feedback_duplication_ck CHECK (duplication IS NULL OR duplication IN ('NONE', 'PARTLY', 'LARGELY'))
);
CREATE INDEX school_feedback_school_ix ON school_feedback (school_id, asked_on);

-- Anonymous feedback from teachers, students and parents: no link to a person, the week instead of a time.
CREATE TABLE public_feedback (
    id            BIGSERIAL     PRIMARY KEY,
    activity_id   BIGINT        NOT NULL REFERENCES evaluated_activity (id),
    respondent    VARCHAR(10)   NOT NULL,
    rating        SMALLINT      NOT NULL,
    reasons       VARCHAR(200)  NOT NULL DEFAULT '',
    comment       VARCHAR(500),
    week_of       DATE          NOT NULL,
    CONSTRAINT public_feedback_respondent_ck CHECK (respondent IN ('TEACHER', 'STUDENT', 'PARENT')),
    CONSTRAINT public_feedback_rating_ck CHECK (rating BETWEEN 1 AND 4),
    CONSTRAINT public_feedback_week_ck CHECK (extract(isodow FROM week_of) = 1)
);
CREATE INDEX public_feedback_activity_ix ON public_feedback (activity_id);

-- Removal proposals (调整出白名单) with the evidence as it stood when proposed.
CREATE TABLE removal_proposal (
    id                  BIGSERIAL     PRIMARY KEY,
    version             INTEGER       NOT NULL DEFAULT 0,
    whitelist_entry_id  BIGINT        NOT NULL,
    whitelist_id        BIGINT        NOT NULL,
    item_id             BIGINT        NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    department_id       BIGINT        NOT NULL REFERENCES organization (id),
    department_name     VARCHAR(100)  NOT NULL,
    jurisdiction_id     BIGINT        NOT NULL REFERENCES organization (id),
    status              VARCHAR(20)   NOT NULL,
    score               INTEGER       NOT NULL,
    public_answers      INTEGER       NOT NULL,
    unfavourable        INTEGER       NOT NULL,
    dislike_bound       NUMERIC(5, 4) NOT NULL,
    school_answers      INTEGER       NOT NULL,
    complaints          INTEGER       NOT NULL,
    violations          INTEGER       NOT NULL,
    below_threshold     BOOLEAN       NOT NULL,
    strongly_disliked   BOOLEAN       NOT NULL,
    proposed_on         DATE          NOT NULL,
    response_due_on     DATE          NOT NULL,
    response            VARCHAR(2000),
    responded_by        VARCHAR(60),
    decision_note       VARCHAR(1000),
    decided_by          VARCHAR(60),
    decided_on          DATE,
    whitelist_version   INTEGER,
    updated_at          TIMESTAMPTZ   NOT NULL,
    CONSTRAINT removal_proposal_status_ck CHECK (status IN ('AWAITING_RESPONSE', 'AWAITING_DECISION', 'REMOVAL_DECIDED',
        'REMOVED', 'KEPT', 'WITHDRAWN'))
);
CREATE INDEX removal_proposal_entry_ix ON removal_proposal (whitelist_entry_id);
CREATE INDEX removal_proposal_jurisdiction_ix ON removal_proposal (jurisdiction_id, status);
-- At most one open proposal per entry.
CREATE UNIQUE INDEX removal_proposal_open_uk ON removal_proposal (whitelist_entry_id)
    WHERE status IN ('AWAITING_RESPONSE', 'AWAITING_DECISION', 'REMOVAL_DECIDED');

-- Reverse evaluation: a school rates a task or document a department sent it. Reported per department, 5+ only.
CREATE TABLE task_rating (
    id               BIGSERIAL     PRIMARY KEY,
    school_id        BIGINT        NOT NULL REFERENCES organization (id),
    department_id    BIGINT        NOT NULL REFERENCES organization (id),
    jurisdiction_id  BIGINT        NOT NULL REFERENCES organization (id),
    kind             VARCHAR(20)   NOT NULL,
    subject          VARCHAR(100)  NOT NULL,
    necessity        SMALLINT      NOT NULL,
    clarity          SMALLINT      NOT NULL,
    workload         SMALLINT      NOT NULL,
    comment          VARCHAR(500),
    week_of          DATE          NOT NULL,
    CONSTRAINT task_rating_kind_ck CHECK (kind IN ('ACTIVITY', 'NOTICE', 'DATA_REQUEST', 'INSPECTION')),
    CONSTRAINT task_rating_scale_ck CHECK (necessity BETWEEN 1 AND 4 AND clarity BETWEEN 1 AND 4
        AND workload BETWEEN 1 AND 4)
);
CREATE INDEX task_rating_department_ix ON task_rating (department_id);
CREATE INDEX task_rating_school_ix ON task_rating (school_id);
