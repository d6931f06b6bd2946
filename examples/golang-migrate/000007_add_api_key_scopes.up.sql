-- Scoped API keys: empty array = legacy full access.
ALTER TABLE api_keys ADD COLUMN scopes text[] NOT NULL DEFAULT '{}';
CREATE INDEX api_keys_scopes_idx ON api_keys USING gin (scopes);
