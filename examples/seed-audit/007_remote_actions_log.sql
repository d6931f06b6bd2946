-- 007_remote_actions_log.sql
-- Audit trail for remote actions (restart PC, reset projector, unlock door)
-- triggered from the dashboard.

CREATE TABLE IF NOT EXISTS remote_actions_log (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  action_type VARCHAR(50) NOT NULL,
  device_name VARCHAR(100) NOT NULL,
  location VARCHAR(100) NOT NULL,
  initiated_by UUID REFERENCES users(id),
  initiated_by_email VARCHAR(255),
  status VARCHAR(20) NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'success', 'failed', 'timeout')),
  error_message TEXT,
  request_payload JSONB,
  response_payload JSONB,
  duration_ms INTEGER,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  completed_at TIMESTAMPTZ
);

CREATE INDEX idx_remote_actions_location ON remote_actions_log(location);
CREATE INDEX idx_remote_actions_created_at ON remote_actions_log(created_at DESC);
