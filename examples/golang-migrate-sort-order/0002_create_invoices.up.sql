CREATE TABLE invoices (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    number      text NOT NULL UNIQUE,
    amount      numeric(12, 2) NOT NULL,
    currency    text NOT NULL DEFAULT 'EUR',
    issued_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoices_account_id_idx ON invoices (account_id);
