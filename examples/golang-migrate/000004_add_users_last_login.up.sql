-- last_login_at is shown on the admin user list; login_count feeds the
-- "inactive accounts" cleanup job.
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
ALTER TABLE users ADD COLUMN login_count integer NOT NULL DEFAULT 0;
