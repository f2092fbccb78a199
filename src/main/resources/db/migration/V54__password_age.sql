-- When each account's password was last chosen by its holder: passwords older than
-- campusgate.security.password-max-age (90 days by default) must be changed at the next sign-in.
ALTER TABLE account ADD COLUMN password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now();
