-- 017_openphone_messages_enhancement.sql
-- Two-way messaging in the dashboard: unread counts + per-message delivery status.

ALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS unread_count INTEGER DEFAULT 0;
ALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS last_read_at TIMESTAMPTZ;
-- metadata should already be there from 012 but staging didn't have it
ALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS metadata JSONB DEFAULT '{}'::jsonb;

CREATE TABLE IF NOT EXISTS message_status (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id VARCHAR(255) NOT NULL UNIQUE,
  conversation_id VARCHAR(255) REFERENCES openphone_conversations(conversation_id),
  status VARCHAR(50) NOT NULL DEFAULT 'sent',   -- sent | delivered | failed | read
  error_code VARCHAR(50),
  sent_by UUID REFERENCES users(id),
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_message_status_conversation ON message_status(conversation_id);
CREATE INDEX IF NOT EXISTS idx_message_status_sent_by ON message_status(sent_by);
CREATE INDEX IF NOT EXISTS idx_openphone_unread ON openphone_conversations(unread_count) WHERE unread_count > 0;
