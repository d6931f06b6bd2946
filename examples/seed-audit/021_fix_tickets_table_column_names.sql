-- 021_fix_tickets_table_column_names.sql
-- The ORM created camelCase columns without quotes, so Postgres folded them
-- to createdbyid / createdbyname / createdbyemail. Rename to snake_case so the
-- repository layer can stop aliasing every column.

DO $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_name = 'tickets' AND column_name = 'createdbyid'
  ) THEN
    ALTER TABLE tickets RENAME COLUMN createdbyid TO created_by_id;
  END IF;
END $$;

ALTER TABLE tickets RENAME COLUMN createdbyname TO created_by_name;
ALTER TABLE tickets RENAME COLUMN createdbyemail TO created_by_email;

-- 'urgent' was added in the UI in March
ALTER TABLE tickets ADD CONSTRAINT tickets_priority_check
  CHECK (priority IN ('low', 'medium', 'high', 'urgent'));
