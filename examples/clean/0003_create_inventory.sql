-- 0003_create_inventory.sql
-- Stock is tracked per warehouse. reserved <= on_hand is enforced here so
-- the allocation service cannot oversell.

CREATE TABLE warehouses (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL,
  name        text NOT NULL,
  address     jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT warehouses_code_key UNIQUE (code)
);

CREATE TABLE stock_levels (
  warehouse_id uuid NOT NULL REFERENCES warehouses (id) ON DELETE CASCADE,
  product_id   uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  on_hand      integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved     integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT stock_levels_pkey PRIMARY KEY (warehouse_id, product_id),
  CONSTRAINT stock_levels_reserved_le_on_hand CHECK (reserved <= on_hand)
);

CREATE INDEX stock_levels_product_id_idx ON stock_levels (product_id);

CREATE TRIGGER warehouses_set_updated_at
  BEFORE UPDATE ON warehouses
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TRIGGER stock_levels_set_updated_at
  BEFORE UPDATE ON stock_levels
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
