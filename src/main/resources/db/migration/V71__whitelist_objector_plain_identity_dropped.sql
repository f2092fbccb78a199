-- The plain name and contact of objectors go. Refuses to run while a row still holds an unsealed identity (i.e. when
-- the migration runs outside the application, which seals them after V70 with the identity key), so none is lost.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM whitelist_objection
               WHERE (name IS NOT NULL OR contact IS NOT NULL) AND sealed_identity IS NULL) THEN
        RAISE EXCEPTION 'whitelist_objection holds unsealed identities: run the migration through the application';
    END IF;
END $$;
ALTER TABLE whitelist_objection DROP COLUMN name, DROP COLUMN contact;
