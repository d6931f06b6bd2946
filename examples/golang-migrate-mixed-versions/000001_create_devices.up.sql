-- Devices registered by the mobile app (push tokens, platform info).
CREATE TABLE devices (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_email text NOT NULL,
    platform    text NOT NULL CHECK (platform IN ('ios', 'android')),
    push_token  text,
    app_version text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX devices_owner_email_idx ON devices (owner_email);
