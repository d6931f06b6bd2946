-- +goose Up
CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric);
CREATE FUNCTION total(a int DEFAULT 1, b int) RETURNS int LANGUAGE sql AS $$ select 1 $$;
