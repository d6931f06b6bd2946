-- +goose Up
CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));
ALTER TABLE accounts ADD COLUMN name text;
ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (mail <> '');
CREATE INDEX invoices_account_idx ON invoices (account_id);
