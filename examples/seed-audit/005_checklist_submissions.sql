-- 005_checklist_submissions.sql
-- Daily/weekly cleaning + tech checklists submitted from the tablet app.

CREATE TABLE checklist_submissions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  category VARCHAR(50) NOT NULL CHECK (category IN ('cleaning', 'tech')),
  type VARCHAR(50) NOT NULL CHECK (type IN ('daily', 'weekly', 'quarterly')),
  location VARCHAR(100) NOT NULL,
  completed_tasks JSONB NOT NULL DEFAULT '[]',
  total_tasks INTEGER NOT NULL,
  completion_time TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  comments TEXT,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX idx_checklist_submissions_user_id ON checklist_submissions(user_id);
CREATE INDEX idx_checklist_submissions_location ON checklist_submissions(location);
