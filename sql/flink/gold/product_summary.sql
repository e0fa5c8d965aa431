-- gold.product_summary, key product_id (semantics.md, "Gold").
-- Input views: customer_events (bronze; only events with a product_id) and inventory_health (silver
-- changelog, the latest snapshot per product and warehouse). Each source is aggregated per product on its
-- own, then the two are joined on product_id. Missing parts are 0 / false, never NULL.
WITH
events AS (
    SELECT
        product_id,
        COUNT(*) AS event_count,
        COUNT(*) FILTER (WHERE event_type = 'product_view') AS product_view_count,
        COUNT(*) FILTER (WHERE event_type = 'add_to_cart') AS cart_add_count,
        COUNT(DISTINCT customer_id) AS customer_count,
        COUNT(DISTINCT session_id) AS session_count
    FROM customer_events
    WHERE product_id IS NOT NULL
    GROUP BY product_id
),
inventory AS (
    SELECT
        product_id,
        -- SUM of an INT column is an INT in Flink: widen first
        SUM(CAST(quantity_on_hand AS BIGINT)) AS on_hand_sum,
        COUNT(quantity_on_hand) AS on_hand_count,
        SUM(CAST(reorder_point AS BIGINT)) AS reorder_point_sum,
        COUNT(reorder_point) AS reorder_point_count,
        SUM(CAST(quantity_available AS BIGINT)) AS available_sum,
        -- a count rather than a boolean OR, so a warehouse that stops needing a reorder is retracted
        COUNT(*) FILTER (WHERE needs_reorder) AS reorder_warehouse_count
    FROM inventory_health
    GROUP BY product_id
)
-- Every product seen in events or inventory: a full join keeps the products of either side, with no third
-- aggregate of the key set and no second join.
SELECT
    COALESCE(e.product_id, i.product_id) AS product_id,
    CAST(COALESCE(e.event_count, 0) AS BIGINT) AS total_events,
    CAST(COALESCE(e.product_view_count, 0) AS BIGINT) AS product_views,
    CAST(COALESCE(e.cart_add_count, 0) AS BIGINT) AS cart_adds,
    CAST(COALESCE(e.customer_count, 0) AS BIGINT) AS unique_customers,
    CAST(COALESCE(e.session_count, 0) AS BIGINT) AS total_sessions,
    COALESCE(CAST(i.on_hand_sum AS DOUBLE) / NULLIF(i.on_hand_count, 0), CAST(0.0 AS DOUBLE)) AS avg_quantity_on_hand,
    COALESCE(CAST(i.reorder_point_sum AS DOUBLE) / NULLIF(i.reorder_point_count, 0), CAST(0.0 AS DOUBLE))
        AS avg_reorder_point,
    CAST(COALESCE(i.available_sum, 0) AS BIGINT) AS current_stock_level,
    COALESCE(i.reorder_warehouse_count, 0) > 0 AS needs_reorder
FROM events e
FULL OUTER JOIN inventory i ON i.product_id = e.product_id
