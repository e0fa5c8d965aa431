-- Conversion by referrer and device: the share of (customer, session) visits with a purchase.
-- Visits here are raw session ids; silver.customer_sessions adds the 30-minute gap rule.
WITH visits AS (
    SELECT
        customer_id,
        session_id,
        min_by(referrer_source, event_timestamp) AS referrer_source,
        min_by(device_type, event_timestamp) AS device_type,
        count_if(event_type = 'purchase') > 0 AS converted
    FROM iceberg.bronze.customer_events
    GROUP BY customer_id, session_id
)
SELECT
    referrer_source,
    device_type,
    count(*) AS visits,
    count_if(converted) AS converted_visits,
    round(100.0 * count_if(converted) / count(*), 2) AS conversion_pct
FROM visits
GROUP BY referrer_source, device_type
ORDER BY conversion_pct DESC, visits DESC;
