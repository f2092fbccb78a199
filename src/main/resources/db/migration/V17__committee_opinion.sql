-- The committee opinion (论证意见) of each round: the summary of the valid reviews (JSON, without names), the
-- text the secretary edited, and the signature that decided the approval step.
CREATE TABLE committee_opinion (
    id               BIGSERIAL    PRIMARY KEY,
    panel_id         BIGINT       NOT NULL REFERENCES panel (id),
    round            INTEGER      NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    summary          JSONB        NOT NULL,
    recommendation   VARCHAR(30)  NOT NULL,
    deviation_reason VARCHAR(500),
    text             VARCHAR(8000) NOT NULL,
    drafted_by       VARCHAR(60)  NOT NULL,
    drafted_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    signed_by        VARCHAR(60),
    signed_by_name   VARCHAR(60),
    signed_at        TIMESTAMPTZ,
    CONSTRAINT committee_opinion_status_ck CHECK (status IN ('DRAFT', 'SIGNED')),
    CONSTRAINT committee_opinion_signed_ck CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL)),
    UNIQUE (panel_id, round)
);
