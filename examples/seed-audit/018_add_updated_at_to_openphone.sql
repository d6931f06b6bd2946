-- 018_add_updated_at_to_openphone.sql
-- The conversation list sorts by updated_at, which does not exist yet.

ALTER TABLE openphone_conversations
  ADD COLUMN IF NOT EXISTS updated_at TIMESTAMPTZ DEFAULT NOW();

UPDATE openphone_conversations SET updated_at = created_at WHERE updated_at IS NULL;

CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ language 'plpgsql';

DROP TRIGGER IF EXISTS update_openphone_conversations_updated_at ON openphone_conversations;
CREATE TRIGGER update_openphone_conversations_updated_at
    BEFORE UPDATE ON openphone_conversations
    FOR EACH ROW
    EXECUTE FUNCTION update_updated_at_column();

CREATE INDEX IF NOT EXISTS idx_openphone_updated_at ON openphone_conversations(updated_at DESC);
