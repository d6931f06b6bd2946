-- 012_add_openphone_missing_columns.sql
-- The webhook handler writes conversation_id / metadata / user_name but 011
-- never created them -> inserts were failing silently in prod.

ALTER TABLE openphone_conversations
  ADD COLUMN IF NOT EXISTS conversation_id VARCHAR(255),
  ADD COLUMN IF NOT EXISTS metadata JSONB DEFAULT '{}'::jsonb,
  ADD COLUMN IF NOT EXISTS user_name VARCHAR(255);

CREATE UNIQUE INDEX IF NOT EXISTS idx_openphone_conversation_id
  ON openphone_conversations(conversation_id);
CREATE INDEX IF NOT EXISTS idx_openphone_phone_number
  ON openphone_conversations(phone_number);
