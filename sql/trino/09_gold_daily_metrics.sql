-- The last 30 days of gold.daily_metrics: traffic, revenue, fraud flags and support load per day.
SELECT metric_date, total_sessions, unique_customers, total_transactions, daily_revenue,
       round(avg_order_value, 2) AS avg_order_value, fraud_flag_count, total_tickets,
       round(avg_response_time_hours, 2) AS avg_response_hours, round(avg_resolution_time_hours, 1) AS avg_resolution_hours
FROM iceberg.gold.daily_metrics
ORDER BY metric_date DESC
LIMIT 30;

-- Revenue per month.
SELECT date_trunc('month', metric_date) AS month, sum(daily_revenue) AS revenue, sum(total_transactions) AS transactions
FROM iceberg.gold.daily_metrics
GROUP BY date_trunc('month', metric_date)
ORDER BY month;
