-- Billing accounts (one per customer company).
CREATE TABLE accounts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    vat_number  text,
    country     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
