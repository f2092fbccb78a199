-- Review panels (专家论证组): one per chain of an item, round after round. The draw's full record (seed,
-- candidates as the draw saw them, what it chose) is kept so that an auditor can replay it.
CREATE TABLE panel (
    id             BIGSERIAL    PRIMARY KEY,
    item_id        BIGINT       NOT NULL REFERENCES item (id),
    approval_id    BIGINT       NOT NULL REFERENCES approval (id),
    committee_id   BIGINT       NOT NULL REFERENCES organization (id),
    item_title     VARCHAR(100) NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    round          INTEGER      NOT NULL DEFAULT 0,
    size           INTEGER      NOT NULL,
    members        BIGINT[]     NOT NULL DEFAULT '{}',
    draw           JSONB,
    -- The item as the panel last read it (department, co-organisers, text): conflicts of replacements use it.
    facts          JSONB,
    deadline       DATE,
    step_due_on    DATE         NOT NULL,
    reminded_round INTEGER      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    convened_at    TIMESTAMPTZ,
    version        INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT panel_status_ck CHECK (status IN ('REQUESTED', 'PROPOSED', 'CONVENED', 'SIGNED', 'CLOSED')),
    CONSTRAINT panel_size_ck CHECK (size BETWEEN 3 AND 9)
);
-- One live panel per chain.
CREATE UNIQUE INDEX panel_approval_live_uq ON panel (approval_id) WHERE status <> 'CLOSED';
CREATE INDEX panel_item_idx ON panel (item_id, id DESC);
CREATE INDEX panel_committee_status_idx ON panel (committee_id, status);

-- The panel's record: every change of composition with its reason, every step of its work.
CREATE TABLE panel_change (
    id           BIGSERIAL    PRIMARY KEY,
    panel_id     BIGINT       NOT NULL REFERENCES panel (id),
    round        INTEGER      NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    account_id   BIGINT       REFERENCES account (id),
    account_name VARCHAR(60),
    reason       VARCHAR(600),
    draw         JSONB,
    actor        VARCHAR(60)  NOT NULL,
    actor_name   VARCHAR(60)  NOT NULL,
    at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX panel_change_panel_idx ON panel_change (panel_id, id);

-- Chains whose expert-opinion step was already open when this module arrived wait for a panel like new ones.
INSERT INTO panel (item_id, approval_id, committee_id, item_title, status, size, step_due_on, created_at, updated_at)
SELECT a.item_id, a.id, t.organization_id, a.item_title, 'REQUESTED', 5, t.due_on, now(), now()
FROM approval_task t JOIN approval a ON a.id = t.approval_id
WHERE t.status = 'OPEN' AND t.step_kind = 'EXPERT_OPINION' AND a.status = 'IN_PROGRESS'
  AND t.id = (SELECT min(o.id) FROM approval_task o WHERE o.approval_id = a.id AND o.status = 'OPEN');
