DROP INDEX IF EXISTS api_keys_scopes_idx;
ALTER TABLE api_keys DROP COLUMN IF EXISTS scopes;
