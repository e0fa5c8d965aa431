-- Flagged payments (silver.payment_analysis): high risk, unusually large for the customer, or part of a burst.
SELECT transaction_date, count(*) AS transactions,
       count_if(is_high_risk) AS high_risk,
       count_if(is_unusual_large_transaction) AS unusually_large,
       count_if(is_velocity_burst) AS velocity_bursts
FROM iceberg.silver.payment_analysis
GROUP BY transaction_date
ORDER BY transaction_date DESC
LIMIT 14;

-- SLA breaches by priority and kind (silver.sla_breaches, fired by event-time timers).
SELECT priority, breach_type, count(*) AS breaches
FROM iceberg.silver.sla_breaches
GROUP BY priority, breach_type
ORDER BY priority, breach_type;

-- Session shapes (silver.customer_sessions).
SELECT session_length_category, count(*) AS sessions, round(avg(total_events), 2) AS avg_events,
       round(100.0 * count_if(converted) / count(*), 2) AS conversion_pct,
       round(100.0 * count_if(abandoned_cart) / count(*), 2) AS abandoned_cart_pct
FROM iceberg.silver.customer_sessions
GROUP BY session_length_category
ORDER BY sessions DESC;
