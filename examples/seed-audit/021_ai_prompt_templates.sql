-- 021_ai_prompt_templates.sql
-- Editable GPT prompt templates (so ops can tweak wording without a deploy),
-- with a full edit history.

CREATE TABLE IF NOT EXISTS ai_prompt_templates (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name VARCHAR(255) NOT NULL UNIQUE,
  description TEXT,
  category VARCHAR(50) NOT NULL,
  template TEXT NOT NULL,
  variables JSONB DEFAULT '[]'::jsonb,
  is_active BOOLEAN DEFAULT true,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW(),
  updated_by UUID                 -- users.id, not enforced (templates are edited by the admin service)
);

CREATE TABLE IF NOT EXISTS ai_prompt_template_history (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  template_id UUID NOT NULL REFERENCES ai_prompt_templates(id) ON DELETE CASCADE,
  old_template TEXT,
  new_template TEXT,
  changed_by UUID,
  change_reason TEXT,
  changed_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_ai_prompt_templates_category ON ai_prompt_templates(category);
CREATE INDEX IF NOT EXISTS idx_ai_prompt_template_history_template ON ai_prompt_template_history(template_id);

-- default templates (copied from src/prompts/*.ts)
INSERT INTO ai_prompt_templates (name, description, category, template, variables) VALUES
  ('customer_message_response', 'Reply to an inbound customer SMS', 'customer_message',
   'You are a helpful assistant for {{location}}. Reply briefly to: {{message}}', '["location", "message"]'),
  ('ticket_summary', 'Summarise a ticket thread for the daily digest', 'tickets',
   'Summarise the following ticket in two sentences: {{ticket}}', '["ticket"]'),
  ('knowledge_extraction', 'Extract problem/solution pairs from a conversation', 'knowledge',
   'Extract every problem and its solution from: {{conversation}}', '["conversation"]')
ON CONFLICT (name) DO NOTHING;
