-- Sentences the system writes are kept as a message key and arguments (JSON, see core.SystemText), so each reader
-- gets them in their own language. The Chinese sentence stays in reason/decision (the official PDF, exports, and
-- rows written before this, which have no key and are shown as they are).
ALTER TABLE whitelist_change ADD COLUMN reason_text TEXT, ADD COLUMN decision_text TEXT;
ALTER TABLE approval_trace ADD COLUMN system_text TEXT;
