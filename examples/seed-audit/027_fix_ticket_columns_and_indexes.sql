-- 027_fix_ticket_columns_and_indexes.sql
-- Follow-up to 021 + 026: the dashboard filters by assignee and creator,
-- and "my open tickets" does a seq scan.

ALTER TABLE tickets ALTER COLUMN status SET DEFAULT 'open';
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS resolved_at TIMESTAMPTZ;
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS resolved_by UUID REFERENCES users(id);
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS photo_urls TEXT[] DEFAULT '{}';

CREATE INDEX IF NOT EXISTS idx_tickets_created_by_id ON tickets(created_by_id);
CREATE INDEX IF NOT EXISTS idx_tickets_assigned_to ON tickets(assigned_to) WHERE status <> 'closed';
CREATE INDEX IF NOT EXISTS idx_tickets_created_at ON tickets(created_at DESC);
CREATE INDEX IF NOT EXISTS idx_tickets_location_status ON tickets(location, status);

-- ticket comments need to know who wrote them without a join
ALTER TABLE ticket_comments ADD COLUMN IF NOT EXISTS created_by_email VARCHAR(255);
