-- Every Flink checkpoint that committed to a table is one Iceberg snapshot: when, which checkpoint,
-- how many rows it added (empty when a checkpoint brought no rows) and the table's total after it.
SELECT
    committed_at,
    snapshot_id,
    operation,
    element_at(summary, 'flink.max-committed-checkpoint-id') AS flink_checkpoint,
    CAST(element_at(summary, 'added-records') AS bigint) AS added_rows,
    CAST(element_at(summary, 'total-records') AS bigint) AS total_rows
FROM iceberg.bronze."customer_events$snapshots"
ORDER BY committed_at DESC
LIMIT 20;

-- The table's lineage of current snapshots (rollbacks show up as is_current_ancestor = false).
SELECT made_current_at, snapshot_id, parent_id, is_current_ancestor
FROM iceberg.bronze."customer_events$history"
ORDER BY made_current_at DESC
LIMIT 20;
