-- Support SLA compliance by priority: first response and resolution within the priority's limit.
-- Limits (semantics.md): response urgent 15 min, high 1 h, medium 4 h, low 24 h;
-- resolution urgent 4 h, high 24 h, medium 72 h, low 168 h.
WITH limits (priority, response_minutes, resolution_hours) AS (
    VALUES ('urgent', 15, 4), ('high', 60, 24), ('medium', 240, 72), ('low', 1440, 168)
),
tickets AS (
    SELECT
        t.priority,
        t.first_response_timestamp IS NOT NULL
            AND t.first_response_timestamp <= t.created_timestamp + l.response_minutes * INTERVAL '1' MINUTE AS response_met,
        t.resolution_timestamp IS NOT NULL
            AND t.resolution_timestamp <= t.created_timestamp + l.resolution_hours * INTERVAL '1' HOUR AS resolution_met,
        t.satisfaction_score
    FROM iceberg.bronze.support_tickets t
    JOIN limits l ON l.priority = t.priority
)
SELECT
    priority,
    count(*) AS tickets,
    round(100.0 * count_if(response_met) / count(*), 2) AS response_sla_pct,
    round(100.0 * count_if(resolution_met) / count(*), 2) AS resolution_sla_pct,
    round(avg(satisfaction_score), 2) AS avg_satisfaction
FROM tickets
GROUP BY priority
ORDER BY CASE priority WHEN 'urgent' THEN 1 WHEN 'high' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END;
