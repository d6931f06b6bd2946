-- 0006_create_reporting_views.sql
-- Read-only views for the back-office dashboard. No new tables.

CREATE VIEW order_totals AS
SELECT
  o.id           AS order_id,
  o.customer_id,
  o.status,
  o.placed_at,
  sum(oi.quantity * oi.unit_price) AS items_total,
  count(*)                         AS line_count
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
GROUP BY o.id, o.customer_id, o.status, o.placed_at;

CREATE VIEW available_stock AS
SELECT
  p.id   AS product_id,
  p.sku,
  p.title,
  coalesce(sum(s.on_hand - s.reserved), 0) AS available
FROM products p
LEFT JOIN stock_levels s ON s.product_id = p.id
WHERE p.is_active
GROUP BY p.id, p.sku, p.title;

COMMENT ON VIEW order_totals IS 'Per-order sums of line items; used by the finance export.';
COMMENT ON VIEW available_stock IS 'Sellable quantity per active product across all warehouses.';
