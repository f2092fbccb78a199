-- The hashes of the passwords an account had before its current one, so that a new password may not be one of
-- the last five (the current one and the four before it). Only the four most recent are kept per account.
CREATE TABLE account_password_history (
    id            BIGSERIAL    PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    password_hash VARCHAR(255) NOT NULL,
    replaced_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX account_password_history_account_idx ON account_password_history (account_id, replaced_at DESC);
