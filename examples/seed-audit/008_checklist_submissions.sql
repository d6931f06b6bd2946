-- 008_checklist_submissions.sql
-- Checklist submissions for the ops team.
-- NOTE: re-run safe (IF NOT EXISTS) so it can go out with the tablet release.

CREATE TABLE IF NOT EXISTS checklist_submissions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id),
  category VARCHAR(50) NOT NULL,
  type VARCHAR(50) NOT NULL,
  location VARCHAR(100) NOT NULL,
  completed_tasks JSONB NOT NULL DEFAULT '[]'::jsonb,
  total_tasks INTEGER NOT NULL DEFAULT 0,
  completion_time TIMESTAMPTZ DEFAULT NOW(),
  ticket_created BOOLEAN DEFAULT false,
  ticket_id UUID REFERENCES tickets(id),
  supplies_needed TEXT,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_checklist_submissions_user_id ON checklist_submissions(user_id);
CREATE INDEX IF NOT EXISTS idx_checklist_submissions_category_type ON checklist_submissions(category, type);
CREATE INDEX IF NOT EXISTS idx_checklist_submissions_completion_time ON checklist_submissions(completion_time DESC);
