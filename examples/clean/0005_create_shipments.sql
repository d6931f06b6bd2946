-- 0005_create_shipments.sql
-- Shipments leave one warehouse for one order; an order may ship in parts.

CREATE TABLE shipments (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id        uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  warehouse_id    uuid NOT NULL REFERENCES warehouses (id) ON DELETE RESTRICT,
  carrier         text NOT NULL,
  tracking_number text,
  shipped_at      timestamptz,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT shipments_delivered_after_shipped
    CHECK (delivered_at IS NULL OR (shipped_at IS NOT NULL AND delivered_at >= shipped_at))
);

CREATE INDEX shipments_order_id_idx ON shipments (order_id);
CREATE INDEX shipments_warehouse_id_idx ON shipments (warehouse_id);
CREATE INDEX shipments_tracking_number_idx ON shipments (tracking_number)
  WHERE tracking_number IS NOT NULL;

CREATE TRIGGER shipments_set_updated_at
  BEFORE UPDATE ON shipments
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
