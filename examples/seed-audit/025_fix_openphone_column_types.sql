-- 025_fix_openphone_column_types.sql
-- OpenPhone sends E.164 plus a display suffix for shared lines, and
-- conversation ids from the v2 API are longer than 255 chars.

ALTER TABLE openphone_conversations
  ALTER COLUMN phone_number TYPE TEXT,
  ALTER COLUMN conversation_id TYPE TEXT,
  ALTER COLUMN customer_name TYPE TEXT;

-- unread_count went negative because of a race in markRead()
ALTER TABLE openphone_conversations
  ALTER COLUMN unread_count SET NOT NULL,
  ADD CONSTRAINT openphone_unread_count_nonnegative CHECK (unread_count >= 0);
