-- 024_add_updated_at_column.sql
-- updated_at was STILL not being bumped on prod for openphone_conversations
-- (trigger from 018 never got applied there). Re-create everything.

ALTER TABLE openphone_conversations
  ADD COLUMN IF NOT EXISTS updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP;

CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := CURRENT_TIMESTAMP;
  RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS update_openphone_conversations_updated_at ON openphone_conversations;
CREATE TRIGGER update_openphone_conversations_updated_at
  BEFORE UPDATE ON openphone_conversations
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- same problem on feedback (column added in 020)
DROP TRIGGER IF EXISTS update_feedback_updated_at ON feedback;
CREATE TRIGGER update_feedback_updated_at
  BEFORE UPDATE ON feedback
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
