-- Notices (站内通知): one row per recipient. The message is a bundle key with its arguments (a JSON array of
-- strings), rendered in the reader's language when read; the link is a path within the application.
CREATE TABLE notification (
    id          BIGSERIAL    PRIMARY KEY,
    account_id  BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    message_key VARCHAR(120) NOT NULL,
    args        JSONB        NOT NULL DEFAULT '[]',
    link        VARCHAR(500) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    read_at     TIMESTAMPTZ,
    -- when the mail went out, if one was sent
    mailed_at   TIMESTAMPTZ,
    CONSTRAINT notification_args_ck CHECK (jsonb_typeof(args) = 'array'),
    CONSTRAINT notification_link_ck CHECK (link LIKE '/%' AND link NOT LIKE '//%')
);
-- the shell's unread badge on every page
CREATE INDEX notification_unread_idx ON notification (account_id) WHERE read_at IS NULL;
-- each person's list, newest first
CREATE INDEX notification_account_idx ON notification (account_id, created_at DESC, id DESC);
