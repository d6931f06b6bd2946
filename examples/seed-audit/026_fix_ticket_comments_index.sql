-- 026_fix_ticket_comments_index.sql
-- idx_ticket_comments_ticket (002) was created on the wrong environment only.
-- Replace with a properly named composite index that also serves the
-- "latest comments first" query.

DROP INDEX IF EXISTS idx_ticket_comments_ticket;

CREATE INDEX idx_ticket_comments_ticket_id_created
  ON ticket_comments(ticket_id, created_at DESC);

-- The ticket list shows a comment count; keep it on the ticket instead of counting per row.
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS comment_count INTEGER NOT NULL DEFAULT 0;
