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
ORDER BY layer, table_name;
