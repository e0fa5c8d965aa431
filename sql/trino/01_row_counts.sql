-- Rows per table and layer, as of the last checkpoint each job committed.
-- Run: ./lakehouse sql -f sql/trino/01_row_counts.sql
SELECT 'bronze' AS layer, 'customer_events' AS table_name, count(*) AS row_count FROM iceberg.bronze.customer_events
UNION ALL
SELECT 'bronze', 'payment_transactions', count(*) FROM iceberg.bronze.payment_transactions
UNION ALL
SELECT 'bronze', 'inventory_snapshots', count(*) FROM iceberg.bronze.inventory_snapshots
UNION ALL
SELECT 'bronze', 'support_tickets', count(*) FROM iceberg.bronze.support_tickets
UNION ALL
SELECT 'bronze', 'rejected_records', count(*) FROM iceberg.bronze.rejected_records
UNION ALL
SELECT 'silver', 'customer_sessions', count(*) FROM iceberg.silver.customer_sessions
UNION ALL
SELECT 'silver', 'payment_analysis', count(*) FROM iceberg.silver.payment_analysis
UNION ALL
SELECT 'silver', 'customer_payment_profile', count(*) FROM iceberg.silver.customer_payment_profile
UNION ALL
SELECT 'silver', 'inventory_health', count(*) FROM iceberg.silver.inventory_health
UNION ALL
SELECT 'silver', 'support_metrics', count(*) FROM iceberg.silver.support_metrics
UNION ALL
SELECT 'silver', 'sla_breaches', count(*) FROM iceberg.silver.sla_breaches
UNION ALL
SELECT 'silver', 'agent_performance', count(*) FROM iceberg.silver.agent_performance
UNION ALL
SELECT 'silver', 'late_events', count(*) FROM iceberg.silver.late_events
UNION ALL
SELECT 'gold', 'customer_summary', count(*) FROM iceberg.gold.customer_summary
UNION ALL
SELECT 'gold', 'daily_metrics', count(*) FROM iceberg.gold.daily_metrics
UNION ALL
SELECT 'gold', 'product_summary', count(*) FROM iceberg.gold.product_summary
ORDER BY layer, table_name;
