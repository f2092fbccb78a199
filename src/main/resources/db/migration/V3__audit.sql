-- Append-only, hash-chained audit trail. Each entry's hash covers its own fields and the previous hash,
-- so editing or deleting any row breaks the chain from that row on.
CREATE TABLE audit_entry (
    seq           BIGINT PRIMARY KEY, -- 1, 2, 3 … without gaps, assigned under a lock
    occurred_at   TIMESTAMPTZ  NOT NULL,
    actor         VARCHAR(60)  NOT NULL,
    action        VARCHAR(80)  NOT NULL,
    subject       VARCHAR(120) NOT NULL,
    details       TEXT         NOT NULL,
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL UNIQUE
);
CREATE INDEX audit_entry_subject_idx ON audit_entry (subject);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor);
