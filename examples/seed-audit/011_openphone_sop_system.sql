-- 011_openphone_sop_system.sql
-- OpenPhone webhook ingestion + the SOP "shadow mode" comparison tables.

CREATE TABLE IF NOT EXISTS openphone_conversations (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  phone_number VARCHAR(20),
  customer_name VARCHAR(255),
  employee_name VARCHAR(255),
  messages JSONB NOT NULL DEFAULT '[]'::jsonb,
  processed BOOLEAN DEFAULT false,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS extracted_knowledge (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  source_id UUID REFERENCES openphone_conversations(id) ON DELETE SET NULL,
  source_type VARCHAR(50) NOT NULL DEFAULT 'openphone',
  category VARCHAR(50),
  problem TEXT NOT NULL,
  solution TEXT NOT NULL,
  confidence DECIMAL(3,2),
  applied_to_sop BOOLEAN DEFAULT false,
  sop_file_updated VARCHAR(500),
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS sop_shadow_comparisons (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  query TEXT NOT NULL,
  route VARCHAR(50) NOT NULL,
  assistant_response TEXT,
  sop_response TEXT,
  sop_confidence DECIMAL(3,2),
  assistant_time_ms INTEGER,
  sop_time_ms INTEGER,
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS sop_metrics (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  date DATE NOT NULL UNIQUE DEFAULT CURRENT_DATE,
  total_requests INTEGER DEFAULT 0,
  sop_used INTEGER DEFAULT 0,
  assistant_used INTEGER DEFAULT 0,
  sop_avg_confidence DECIMAL(3,2),
  created_at TIMESTAMPTZ DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_openphone_processed ON openphone_conversations(processed);
CREATE INDEX IF NOT EXISTS idx_extracted_knowledge_category ON extracted_knowledge(category);
CREATE INDEX IF NOT EXISTS idx_extracted_knowledge_source_id ON extracted_knowledge(source_id);
CREATE INDEX IF NOT EXISTS idx_shadow_comparisons_created ON sop_shadow_comparisons(created_at DESC);

-- shared trigger function (also defined in 002, redefined here so this file
-- can run standalone on the staging box)
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
  NEW.updated_at = CURRENT_TIMESTAMP;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
