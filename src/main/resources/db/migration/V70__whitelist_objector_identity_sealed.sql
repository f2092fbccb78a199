-- Objectors' names and contacts (公示异议, "不公开") are sealed like complainants' identities: AES-256-GCM with the
-- identity key, name and contact as one value. The rows already there are sealed by the application right after this
-- migration (ObjectorIdentitySealing, a Flyway callback holding the key); V71 then drops the plain columns.
ALTER TABLE whitelist_objection ADD COLUMN sealed_identity BYTEA;
