-- gold.daily_metrics, key metric_date (semantics.md, "Gold").
-- Input views: customer_sessions (silver changelog; a session counts on the date of its session_start),
-- payment_transactions (date of transaction_timestamp) and support_tickets (date of created_timestamp).
-- Each source is aggregated per date on its own, then joined on the date. Missing parts are 0, never NULL.
WITH
-- One row per date with a session start, a transaction or a ticket creation. Sessions can be deleted by
-- their changelog, so a date backed only by a deleted session disappears again.
dates AS (
    SELECT metric_date
    FROM (
        SELECT CAST(session_start AS DATE) AS metric_date FROM customer_sessions
        UNION ALL
        SELECT CAST(transaction_timestamp AS DATE) AS metric_date FROM payment_transactions
        UNION ALL
        SELECT CAST(created_timestamp AS DATE) AS metric_date FROM support_tickets
    )
    GROUP BY metric_date
),
sessions AS (
    SELECT
        CAST(session_start AS DATE) AS metric_date,
        COUNT(*) AS session_count,
        COUNT(DISTINCT customer_id) AS customer_count,
        SUM(session_duration_seconds) AS duration_seconds_sum,
        COUNT(session_duration_seconds) AS duration_count
    FROM customer_sessions
    GROUP BY CAST(session_start AS DATE)
),
payments AS (
    SELECT
        CAST(transaction_timestamp AS DATE) AS metric_date,
        COUNT(*) AS transaction_count,
        COUNT(*) FILTER (WHERE payment_status = 'completed') AS successful_count,
        SUM(amount) FILTER (WHERE payment_status = 'completed') AS revenue,
        SUM(risk_score) AS risk_score_sum,
        COUNT(risk_score) AS risk_score_count,
        COUNT(*) FILTER (WHERE risk_score >= 80) AS fraud_flag_count
    FROM payment_transactions
    GROUP BY CAST(transaction_timestamp AS DATE)
),
tickets AS (
    SELECT
        CAST(created_timestamp AS DATE) AS metric_date,
        COUNT(*) AS ticket_count,
        -- whole minutes and whole hours, truncated, as silver.support_metrics counts them
        SUM(CAST(TIMESTAMPDIFF(MINUTE, created_timestamp, first_response_timestamp) AS BIGINT)) AS response_minutes_sum,
        COUNT(first_response_timestamp) AS response_count,
        SUM(CAST(TIMESTAMPDIFF(HOUR, created_timestamp, resolution_timestamp) AS BIGINT)) AS resolution_hours_sum,
        COUNT(resolution_timestamp) AS resolution_count
    FROM support_tickets
    GROUP BY CAST(created_timestamp AS DATE)
)
SELECT
    d.metric_date,
    CAST(COALESCE(s.session_count, 0) AS BIGINT) AS total_sessions,
    CAST(COALESCE(s.customer_count, 0) AS BIGINT) AS unique_customers,
    COALESCE(CAST(s.duration_seconds_sum AS DOUBLE) / NULLIF(s.duration_count, 0), CAST(0.0 AS DOUBLE))
        AS avg_session_duration_seconds,
    CAST(COALESCE(p.transaction_count, 0) AS BIGINT) AS total_transactions,
    CAST(COALESCE(p.successful_count, 0) AS BIGINT) AS successful_transactions,
    CAST(COALESCE(p.revenue, 0) AS DECIMAL(18, 2)) AS daily_revenue,
    -- revenue / successful transactions, literally: the divisor counts completed rows whatever their amount
    COALESCE(CAST(COALESCE(p.revenue, 0) AS DOUBLE) / NULLIF(p.successful_count, 0), CAST(0.0 AS DOUBLE))
        AS avg_order_value,
    COALESCE(p.risk_score_sum / NULLIF(p.risk_score_count, 0), CAST(0.0 AS DOUBLE)) AS avg_risk_score,
    CAST(COALESCE(p.fraud_flag_count, 0) AS BIGINT) AS fraud_flag_count,
    CAST(COALESCE(t.ticket_count, 0) AS BIGINT) AS total_tickets,
    -- the average of minutes / 60.0 is the sum of minutes over 60 x count
    COALESCE(CAST(t.response_minutes_sum AS DOUBLE) / NULLIF(60 * t.response_count, 0), CAST(0.0 AS DOUBLE))
        AS avg_response_time_hours,
    COALESCE(CAST(t.resolution_hours_sum AS DOUBLE) / NULLIF(t.resolution_count, 0), CAST(0.0 AS DOUBLE))
        AS avg_resolution_time_hours
FROM dates d
LEFT JOIN sessions s ON s.metric_date = d.metric_date
LEFT JOIN payments p ON p.metric_date = d.metric_date
LEFT JOIN tickets t ON t.metric_date = d.metric_date
