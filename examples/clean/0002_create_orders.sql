-- 0002_create_orders.sql
-- Orders and their line items. Prices are copied onto the line item at
-- checkout so later price changes never rewrite history.

create type order_status as enum ('pending', 'paid', 'shipped', 'cancelled', 'refunded');

create table orders (
  id            uuid primary key default gen_random_uuid(),
  customer_id   uuid not null references customers (id) on delete restrict,
  status        order_status not null default 'pending',
  currency      text not null default 'EUR' check (char_length(currency) = 3),
  total_amount  numeric(12, 2) not null default 0 check (total_amount >= 0),
  shipping_address jsonb not null,
  placed_at     timestamptz,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

create index orders_customer_id_idx on orders (customer_id);
create index orders_status_placed_at_idx on orders (status, placed_at desc);

create table order_items (
  order_id    uuid not null references orders (id) on delete cascade,
  product_id  uuid not null references products (id) on delete restrict,
  quantity    integer not null check (quantity > 0),
  unit_price  numeric(12, 2) not null check (unit_price >= 0),
  created_at  timestamptz not null default now(),
  constraint order_items_pkey primary key (order_id, product_id)
);

create index order_items_product_id_idx on order_items (product_id);

create trigger orders_set_updated_at
  before update on orders
  for each row execute function set_updated_at();
