-- Sentences the system writes into a list's change log are kept as a message key and arguments (JSON, see
-- core.SystemText), so each reader gets them in their own language. The Chinese sentence stays in reason/decision
-- (the official PDF and exports quote it, and rows written before this have only it and are shown as they are).
ALTER TABLE whitelist_change ADD COLUMN reason_text TEXT, ADD COLUMN decision_text TEXT;
