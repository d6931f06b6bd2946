-- 028_hubspot_cache.sql
-- Cache HubSpot contact lookups by phone number (rate limit is 100 req / 10s).

CREATE TABLE IF NOT EXISTS hubspot_cache (
  phone_number VARCHAR(50) PRIMARY KEY,
  hubspot_contact_id VARCHAR(100),
  customer_name VARCHAR(255),
  company VARCHAR(255),
  email VARCHAR(255),
  raw_contact JSONB,
  cached_at TIMESTAMPTZ DEFAULT NOW(),
  expires_at TIMESTAMPTZ DEFAULT NOW() + INTERVAL '24 hours'
);

CREATE INDEX IF NOT EXISTS idx_hubspot_cache_expires ON hubspot_cache(expires_at);

-- how long to keep cached contacts, in hours
ALTER TABLE system_config ADD COLUMN IF NOT EXISTS hubspot_cache_ttl_hours INTEGER DEFAULT 24;

-- link cached contacts to the customer's document folder
ALTER TABLE parent_documents ADD COLUMN IF NOT EXISTS hubspot_company_id VARCHAR(100);
