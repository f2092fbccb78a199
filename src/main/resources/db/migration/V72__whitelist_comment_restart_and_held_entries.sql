-- Lifecycle holes of the lists. An item that joins a list under comment (公示) restarts its comment period: the day
-- it restarted is kept to tell the public. An item that joins a list approved but not yet published is not part of
-- what the leadership group approved: it is held and joins as an amendment (version 2) right after publication.
ALTER TABLE whitelist ADD COLUMN comment_restarted_on DATE;
ALTER TABLE whitelist_entry ADD COLUMN held_for_amendment BOOLEAN NOT NULL DEFAULT FALSE;
