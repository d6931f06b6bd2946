-- 014_assistant_knowledge.sql
-- Structured knowledge per assistant, replaces the vector store (see 013)

CREATE TABLE IF NOT EXISTS assistant_knowledge (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  assistant_id VARCHAR(255) NOT NULL,
  route VARCHAR(50) NOT NULL,
  knowledge JSONB NOT NULL DEFAULT '{}'::jsonb,
  version VARCHAR(20) DEFAULT '1.0',
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW(),
  CONSTRAINT assistant_knowledge_assistant_route_key UNIQUE (assistant_id, route)
);

CREATE INDEX IF NOT EXISTS idx_assistant_knowledge_route ON assistant_knowledge(route);
CREATE INDEX IF NOT EXISTS idx_assistant_knowledge_gin ON assistant_knowledge USING GIN (knowledge);

CREATE TRIGGER update_assistant_knowledge_updated_at
  BEFORE UPDATE ON assistant_knowledge
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
