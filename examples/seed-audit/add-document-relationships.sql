-- add-document-relationships.sql
-- Parent/child relationships between knowledge documents so a long SOP can be
-- split into sections and still be reassembled for the assistant context.
-- (ran manually on prod 2024-08-14 -- TODO give this a number)

CREATE TABLE IF NOT EXISTS parent_documents (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  title VARCHAR(500) NOT NULL,
  source_path TEXT,
  full_content TEXT,
  section_count INTEGER DEFAULT 0,
  metadata JSONB DEFAULT '{}'::jsonb,
  created_by UUID REFERENCES users(id),
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);

ALTER TABLE assistant_knowledge
  ADD COLUMN IF NOT EXISTS parent_document_id UUID REFERENCES parent_documents(id) ON DELETE SET NULL,
  ADD COLUMN IF NOT EXISTS section_index INTEGER;

CREATE INDEX IF NOT EXISTS idx_parent_documents_title ON parent_documents(title);
CREATE INDEX IF NOT EXISTS idx_parent_documents_created_by ON parent_documents(created_by);

CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
  NEW.updated_at = NOW();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER update_parent_documents_updated_at
  BEFORE UPDATE ON parent_documents
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
