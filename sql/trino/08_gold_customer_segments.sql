-- Customer segments from gold.customer_summary: how many customers, what they spend, how they convert.
SELECT
    customer_segment,
    count(*) AS customers,
    sum(total_revenue) AS revenue,
    round(avg(total_revenue), 2) AS avg_revenue_per_customer,
    round(avg(conversion_rate), 4) AS avg_conversion_rate,
    round(avg(avg_satisfaction_score), 2) AS avg_satisfaction
FROM iceberg.gold.customer_summary
GROUP BY customer_segment
ORDER BY revenue DESC;

-- The 20 most valuable customers, with when they were last active.
SELECT customer_id, customer_segment, total_revenue, total_transactions, total_sessions, conversion_rate,
       total_support_tickets, avg_satisfaction_score, last_activity_at
FROM iceberg.gold.customer_summary
ORDER BY total_revenue DESC, customer_id
LIMIT 20;
