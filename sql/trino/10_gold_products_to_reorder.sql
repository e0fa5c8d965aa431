-- Products that need a reorder in some warehouse, busiest first (gold.product_summary).
SELECT product_id, current_stock_level, round(avg_reorder_point, 1) AS avg_reorder_point, product_views, cart_adds,
       unique_customers
FROM iceberg.gold.product_summary
WHERE needs_reorder
ORDER BY cart_adds DESC, product_views DESC, product_id
LIMIT 25;
