-- 004_slack_replies.sql
-- Replies posted in a Slack thread we started (see slack_messages in 001).
-- Pulled in by the events webhook.

CREATE TABLE IF NOT EXISTS slack_replies (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  thread_ts VARCHAR(255) NOT NULL REFERENCES slack_messages(slack_thread_ts) ON DELETE CASCADE,
  user_name VARCHAR(255),
  user_id VARCHAR(255),           -- Slack user id (U0123...), not our users.id
  text TEXT NOT NULL,
  reply_ts VARCHAR(255) NOT NULL,
  raw_event JSONB,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_slack_replies_thread_ts ON slack_replies(thread_ts);
CREATE INDEX IF NOT EXISTS idx_slack_replies_created_at ON slack_replies(created_at DESC);
