-- 015_public_requests.sql
-- Requests from the public (kiosk / website widget), no login required.

CREATE TABLE IF NOT EXISTS public_requests (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  query TEXT NOT NULL,
  response TEXT,
  source VARCHAR(50) NOT NULL DEFAULT 'website',
  ip_address INET,
  user_agent TEXT,
  session_id VARCHAR(255),
  response_time_ms INTEGER,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_public_requests_created_at ON public_requests(created_at DESC);
CREATE INDEX IF NOT EXISTS idx_public_requests_session ON public_requests(session_id);

-- staff can only read their own account row through the API role
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_select_own ON users
  FOR SELECT
  USING (id = current_setting('app.current_user_id', true)::uuid);
