-- 020_fix_missing_columns.sql
-- Prod was missing columns that staging had. Make everything idempotent.
-- Also: international numbers (+44 ...) with extensions overflow varchar(20).

ALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS conversation_id VARCHAR(255);
ALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS customer_name VARCHAR(255);
ALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS employee_name VARCHAR(255);
ALTER TABLE openphone_conversations ADD COLUMN IF NOT EXISTS user_name VARCHAR(255);
ALTER TABLE openphone_conversations ALTER COLUMN phone_number TYPE VARCHAR(50);

-- feature flag for the new messaging UI
ALTER TABLE system_config ADD COLUMN IF NOT EXISTS messaging_v2_enabled BOOLEAN DEFAULT false;

-- feedback.updated_at is referenced by the admin page
ALTER TABLE feedback ADD COLUMN IF NOT EXISTS updated_at TIMESTAMPTZ DEFAULT NOW();
