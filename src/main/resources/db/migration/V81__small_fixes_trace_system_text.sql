-- A trace line the system words (the expert committee's opinion entered as the step's decision) keeps its message key
-- and arguments (JSON, see core.SystemText) beside the Chinese text, so an English reader reads it in English; a line
-- a person typed, or written before this, has only its text.
ALTER TABLE approval_trace ADD COLUMN system_text TEXT;
