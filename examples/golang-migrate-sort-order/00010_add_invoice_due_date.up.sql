-- Payment terms: due date defaults to 30 days after issue.
-- (numbered 10 because 0004-0009 are reserved by the payments branch)
ALTER TABLE invoices ADD COLUMN due_at timestamptz;
UPDATE invoices SET due_at = issued_at + interval '30 days' WHERE due_at IS NULL;
ALTER TABLE invoices ALTER COLUMN due_at SET NOT NULL;
