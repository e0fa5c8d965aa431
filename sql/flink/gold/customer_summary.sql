-- gold.customer_summary, key customer_id (semantics.md, "Gold").
-- Input views: customer_events, payment_transactions, support_tickets (bronze, one row per primary key)
-- and customer_sessions (silver changelog). Every figure is aggregated from its own source's rows only, and
-- the aggregates are joined on customer_id afterwards: joining rows first would multiply the sums.
-- Counts and sums with no input are 0, averages with no input are NULL (conversion_rate: 0.0).
WITH
-- One aggregate over the three append-only sources: every customer seen in events, transactions or tickets,
-- the latest of those times, and the payment and ticket figures. The sources are stacked, not joined, and
-- each figure reads only its own source's rows (the other branches carry NULL there), so nothing is
-- multiplied. One state row per customer instead of three aggregates and two joins: the joins kept both
-- sides of every customer in state and passed each new event on through all of them. The input is
-- append-only, so MAX needs no retraction state and the key set only grows: the left join never loses a
-- customer.
activity AS (
    SELECT
        customer_id,
        MAX(activity_at) AS last_activity_at,
        COUNT(*) FILTER (WHERE source = 'payment') AS transaction_count,
        COUNT(*) FILTER (WHERE payment_status = 'completed') AS successful_count,
        COUNT(*) FILTER (WHERE payment_status = 'failed') AS failed_count,
        SUM(amount) FILTER (WHERE payment_status = 'completed') AS successful_amount_sum,
        COUNT(amount) FILTER (WHERE payment_status = 'completed') AS successful_amount_count,
        COUNT(*) FILTER (WHERE source = 'ticket') AS ticket_count,
        -- SUM of an INT column is an INT in Flink: widen first
        SUM(CAST(satisfaction_score AS BIGINT)) AS satisfaction_sum,
        COUNT(satisfaction_score) AS satisfaction_count
    FROM (
        SELECT customer_id, event_timestamp AS activity_at, 'event' AS source,
            CAST(NULL AS STRING) AS payment_status, CAST(NULL AS DECIMAL(10, 2)) AS amount,
            CAST(NULL AS INT) AS satisfaction_score
        FROM customer_events
        UNION ALL
        SELECT customer_id, transaction_timestamp, 'payment', payment_status, amount, CAST(NULL AS INT)
        FROM payment_transactions
        UNION ALL
        SELECT customer_id, created_timestamp, 'ticket', CAST(NULL AS STRING), CAST(NULL AS DECIMAL(10, 2)),
            satisfaction_score
        FROM support_tickets
    )
    GROUP BY customer_id
),
sessions AS (
    SELECT
        customer_id,
        COUNT(*) AS session_count,
        SUM(session_duration_seconds) AS duration_seconds_sum,
        COUNT(session_duration_seconds) AS duration_count,
        SUM(total_events) AS event_count,
        COUNT(*) FILTER (WHERE converted) AS converted_count
    FROM customer_sessions
    GROUP BY customer_id
),
figures AS (
    SELECT
        a.customer_id,
        a.last_activity_at,
        COALESCE(s.session_count, 0) AS session_count,
        s.duration_seconds_sum,
        s.duration_count,
        COALESCE(s.event_count, 0) AS event_count,
        COALESCE(s.converted_count, 0) AS converted_count,
        a.transaction_count,
        a.successful_count,
        a.failed_count,
        COALESCE(a.successful_amount_sum, 0) AS revenue,
        a.successful_amount_count,
        a.ticket_count,
        a.satisfaction_sum,
        a.satisfaction_count
    FROM activity a
    LEFT JOIN sessions s ON s.customer_id = a.customer_id
)
SELECT
    customer_id,
    CAST(session_count AS BIGINT) AS total_sessions,
    CAST(duration_seconds_sum AS DOUBLE) / NULLIF(duration_count, 0) AS avg_session_duration_seconds,
    CAST(event_count AS BIGINT) AS total_events,
    COALESCE(CAST(converted_count AS DOUBLE) / NULLIF(session_count, 0), CAST(0.0 AS DOUBLE)) AS conversion_rate,
    CAST(transaction_count AS BIGINT) AS total_transactions,
    CAST(revenue AS DECIMAL(18, 2)) AS total_revenue,
    CAST(revenue AS DOUBLE) / NULLIF(successful_amount_count, 0) AS avg_transaction_amount,
    CAST(ticket_count AS BIGINT) AS total_support_tickets,
    CAST(satisfaction_sum AS DOUBLE) / NULLIF(satisfaction_count, 0) AS avg_satisfaction_score,
    CAST(last_activity_at AS TIMESTAMP(6)) AS last_activity_at,
    -- Both thresholds in exact arithmetic: avg <= 2 as sum <= 2 * count, failed / total > 0.3 as
    -- failed * 10 > total * 3, so exactly 0.3 is never At-Risk through a rounding error.
    CAST(CASE
        WHEN revenue >= 5000 AND successful_count >= 3 THEN 'VIP'
        WHEN (satisfaction_count > 0 AND satisfaction_sum <= 2 * satisfaction_count)
            OR (transaction_count > 0 AND failed_count * 10 > transaction_count * 3) THEN 'At-Risk'
        ELSE 'Regular'
    END AS STRING) AS customer_segment
FROM figures
