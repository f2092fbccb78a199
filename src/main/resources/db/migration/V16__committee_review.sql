-- Each member's review of each round: declaration of conflicts first, then the scored review (JSON), final
-- once submitted.
CREATE TABLE panel_review (
    id            BIGSERIAL    PRIMARY KEY,
    panel_id      BIGINT       NOT NULL REFERENCES panel (id),
    round         INTEGER      NOT NULL,
    account_id    BIGINT       NOT NULL REFERENCES account (id),
    member_name   VARCHAR(60)  NOT NULL,
    member_kind   VARCHAR(40)  NOT NULL,
    status        VARCHAR(30)  NOT NULL,
    content       JSONB,
    status_reason VARCHAR(500),
    confirmed_at  TIMESTAMPTZ,
    submitted_at  TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT panel_review_status_ck CHECK (status IN
        ('AWAITING_DECLARATION', 'IN_REVIEW', 'SUBMITTED', 'RECUSED', 'REMOVED', 'LAPSED', 'SET_ASIDE')),
    CONSTRAINT panel_review_content_ck CHECK ((status IN ('SUBMITTED', 'SET_ASIDE')) = (content IS NOT NULL))
);
CREATE INDEX panel_review_panel_idx ON panel_review (panel_id, round, id);
-- A member's to-do list, and their panel load this term.
CREATE INDEX panel_review_account_idx ON panel_review (account_id, status);
