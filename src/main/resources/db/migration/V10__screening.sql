-- Themes registered for similar-theme detection (screening module). Keys are chosen by the caller
-- (item:42, whitelist-entry:7); the in-memory index is rebuilt from this table at start-up.
CREATE TABLE screening_theme (
    theme_key     VARCHAR(200) PRIMARY KEY,
    text          TEXT         NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);
