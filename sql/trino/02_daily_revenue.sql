-- Daily revenue trend: completed payments per day, with the 7-day moving average.
SELECT
    CAST(transaction_timestamp AS date) AS day,
    count(*) AS transactions,
    count_if(payment_status = 'completed') AS successful_transactions,
    sum(amount) FILTER (WHERE payment_status = 'completed') AS revenue,
    round(avg(sum(amount) FILTER (WHERE payment_status = 'completed'))
        OVER (ORDER BY CAST(transaction_timestamp AS date) ROWS BETWEEN 6 PRECEDING AND CURRENT ROW), 2) AS revenue_7d_avg
FROM iceberg.bronze.payment_transactions
GROUP BY CAST(transaction_timestamp AS date)
ORDER BY day;
