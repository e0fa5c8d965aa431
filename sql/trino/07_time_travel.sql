-- Time travel: every committed checkpoint stays readable until snapshots are expired.

-- The table as it was 10 seconds ago next to now: how many rows the pipeline committed since.
-- (Reading a time before the table's first snapshot is an error: pick an interval the table is older than.)
SELECT
    (SELECT count(*) FROM iceberg.bronze.customer_events) AS rows_now,
    (SELECT count(*) FROM iceberg.bronze.customer_events
        FOR TIMESTAMP AS OF current_timestamp - INTERVAL '10' SECOND) AS rows_10_seconds_ago;

-- A version is a snapshot id from "customer_events$snapshots" (see 06_snapshots_and_history.sql), or a
-- branch or tag name. Trino needs a literal here, for example:
--   SELECT count(*) FROM iceberg.bronze.customer_events FOR VERSION AS OF 5792140286718389212;
-- 'main' is the branch every commit goes to, so this reads the current version:
SELECT count(*) AS rows_on_main
FROM iceberg.bronze.customer_events FOR VERSION AS OF 'main';

-- The first checkpoint's content, found through the metadata table and read at its commit time.
SELECT snapshot_id, committed_at, CAST(element_at(summary, 'total-records') AS bigint) AS rows_in_first_snapshot
FROM iceberg.bronze."customer_events$snapshots"
ORDER BY committed_at
LIMIT 1;
