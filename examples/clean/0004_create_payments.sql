-- 0004_create_payments.sql
-- One order can have several payment attempts; only one may succeed.
-- provider_reference is the PSP's id (Stripe payment_intent, Adyen pspReference, ...).

create table payments (
  id                 uuid primary key default gen_random_uuid(),
  order_id           uuid not null references orders (id) on delete cascade,
  provider           text not null,
  provider_reference text not null,
  amount             numeric(12, 2) not null check (amount > 0),
  currency           text not null check (char_length(currency) = 3),
  succeeded          boolean not null default false,
  failure_reason     text,
  raw_response       jsonb,
  created_at         timestamptz not null default now(),
  constraint payments_provider_reference_key unique (provider, provider_reference)
);

create index payments_order_id_idx on payments (order_id);

-- at most one successful payment per order
create unique index payments_one_success_per_order_idx
  on payments (order_id)
  where succeeded;
