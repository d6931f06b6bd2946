-- Back to -seq. Note: golang-migrate orders by number, so this runs BEFORE
-- 20240311094512 even though it was written after it.
CREATE TABLE device_settings (
    device_id    uuid PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    quiet_hours  boolean NOT NULL DEFAULT false,
    locale       text NOT NULL DEFAULT 'en',
    updated_at   timestamptz NOT NULL DEFAULT now()
);
