-- 010_knowledge_capture_system.sql
-- Knowledge capture from Slack thread resolutions -> SOP update pipeline.
-- See docs/knowledge-pipeline.md for the flow diagram.

CREATE TABLE IF NOT EXISTS knowledge_captures (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  source VARCHAR(50) NOT NULL,              -- 'slack' | 'ticket' | 'manual'
  source_id VARCHAR(255),
  problem TEXT NOT NULL,
  solution TEXT NOT NULL,
  confidence DECIMAL(3,2) DEFAULT 0.50,
  verified_by UUID REFERENCES users(id),
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS sop_update_queue (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  knowledge_id UUID REFERENCES knowledge_captures(id) ON DELETE CASCADE,
  target_document VARCHAR(255) NOT NULL,
  status VARCHAR(20) DEFAULT 'pending',
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS sop_drafts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  assistant VARCHAR(50) NOT NULL,
  document_path VARCHAR(500) NOT NULL,
  draft_content TEXT NOT NULL,
  source_queue_id UUID REFERENCES sop_update_queue(id),
  approved BOOLEAN DEFAULT false,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS sop_update_log (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  document_path VARCHAR(500) NOT NULL,
  original_content TEXT,
  updated_content TEXT,
  sources JSONB DEFAULT '[]'::jsonb,
  status VARCHAR(20) DEFAULT 'applied',
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS slack_thread_resolutions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  thread_ts VARCHAR(255) NOT NULL UNIQUE,
  channel_id VARCHAR(50) NOT NULL,
  original_question TEXT,
  resolution TEXT,
  resolved_by VARCHAR(255),
  created_at TIMESTAMPTZ DEFAULT NOW()
);

-- one row per day per assistant, written by the nightly job
CREATE TABLE IF NOT EXISTS learning_metrics (
  metric_date DATE NOT NULL DEFAULT CURRENT_DATE,
  assistant VARCHAR(50) NOT NULL,
  captures_count INTEGER DEFAULT 0,
  sop_updates_count INTEGER DEFAULT 0,
  avg_confidence DECIMAL(3,2),
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_knowledge_captures_source ON knowledge_captures(source, source_id);
CREATE INDEX IF NOT EXISTS idx_sop_update_queue_status ON sop_update_queue(status);
CREATE INDEX IF NOT EXISTS idx_sop_update_queue_knowledge_id ON sop_update_queue(knowledge_id);
CREATE INDEX IF NOT EXISTS idx_knowledge_captures_verified_by ON knowledge_captures(verified_by);
CREATE INDEX IF NOT EXISTS idx_sop_drafts_assistant ON sop_drafts(assistant);
CREATE INDEX IF NOT EXISTS idx_sop_drafts_source_queue_id ON sop_drafts(source_queue_id);
