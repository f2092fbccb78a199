-- Expert committee (专家委员会): what the roster knows of each member beyond the account (kind and name are on
-- the account), and the applying departments' reasoned requests to exclude members from their item's panel.
CREATE TABLE committee_member (
    account_id                BIGINT        PRIMARY KEY REFERENCES account (id),
    committee_id              BIGINT        NOT NULL REFERENCES organization (id),
    affiliation               VARCHAR(100)  NOT NULL DEFAULT '',
    topics                    TEXT[]        NOT NULL DEFAULT '{}',
    term_starts               DATE,
    term_ends                 DATE,
    available                 BOOLEAN       NOT NULL DEFAULT TRUE,
    availability_note         VARCHAR(200),
    -- Organisations the member belongs to or is tied with (a panel for their items is a conflict).
    conflict_organization_ids BIGINT[]      NOT NULL DEFAULT '{}',
    -- Commercial or family ties, one per entry as "party：nature".
    declared_ties             TEXT[]        NOT NULL DEFAULT '{}',
    updated_by                VARCHAR(60)   NOT NULL,
    updated_at                TIMESTAMPTZ   NOT NULL,
    version                   INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT committee_member_term_ck CHECK (term_ends IS NULL OR term_starts IS NULL OR term_ends >= term_starts)
);
CREATE INDEX committee_member_committee_idx ON committee_member (committee_id);

-- 回避申请: the department names members who should not review its item, with a reason.
CREATE TABLE panel_exclusion (
    item_id      BIGINT       NOT NULL REFERENCES item (id),
    account_id   BIGINT       NOT NULL REFERENCES account (id),
    reason       VARCHAR(500) NOT NULL,
    requested_by VARCHAR(60)  NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (item_id, account_id)
);
