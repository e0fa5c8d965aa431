-- Top 20 customers by revenue (completed payments), with their activity in the other sources.
-- Each source is aggregated on its own before the join, so no sum is multiplied.
WITH revenue AS (
    SELECT customer_id,
           sum(amount) FILTER (WHERE payment_status = 'completed') AS revenue,
           count_if(payment_status = 'completed') AS successful_transactions,
           count(*) AS transactions
    FROM iceberg.bronze.payment_transactions
    GROUP BY customer_id
),
events AS (
    SELECT customer_id, count(*) AS events, count(DISTINCT session_id) AS sessions
    FROM iceberg.bronze.customer_events
    GROUP BY customer_id
),
tickets AS (
    SELECT customer_id, count(*) AS tickets, avg(satisfaction_score) AS avg_satisfaction
    FROM iceberg.bronze.support_tickets
    GROUP BY customer_id
)
SELECT
    r.customer_id,
    coalesce(r.revenue, 0) AS revenue,
    r.successful_transactions,
    r.transactions,
    coalesce(e.sessions, 0) AS sessions,
    coalesce(e.events, 0) AS events,
    coalesce(t.tickets, 0) AS tickets,
    round(t.avg_satisfaction, 2) AS avg_satisfaction
FROM revenue r
LEFT JOIN events e ON e.customer_id = r.customer_id
LEFT JOIN tickets t ON t.customer_id = r.customer_id
ORDER BY revenue DESC, r.customer_id
LIMIT 20;
