package dev.lakehouse.oracle;

import dev.lakehouse.oracle.SeedData.SupportTicket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** silver.support_metrics, silver.sla_breaches and silver.agent_performance, see {@link SilverOracle}. */
final class SupportOracle {
    static final OracleRow.Layout METRICS_LAYOUT = OracleRow.Layout.of(SeedData.SUPPORT_TICKET_COLUMNS,
            "first_response_time_minutes", "resolution_time_hours", "meets_response_sla", "meets_resolution_sla",
            "is_satisfied_customer", "is_unsatisfied_customer", "channel_type", "ticket_urgency_status");

    static final OracleRow.Layout BREACH_LAYOUT = OracleRow.Layout.of(List.of("ticket_id", "customer_id",
            "priority", "breach_type", "deadline"));

    static final OracleRow.Layout AGENT_LAYOUT = OracleRow.Layout.of(List.of("agent_id", "tickets_handled",
            "avg_first_response_minutes", "avg_resolution_hours", "tickets_meeting_resolution_sla",
            "avg_satisfaction", "satisfied_count", "unsatisfied_count"));

    /** The SLA of a priority; an unknown or NULL priority is treated as low. */
    enum Sla {
        URGENT(Duration.ofMinutes(15), Duration.ofHours(4), "Critical"),
        HIGH(Duration.ofMinutes(60), Duration.ofHours(24), "High"),
        MEDIUM(Duration.ofHours(4), Duration.ofHours(72), "Medium"),
        LOW(Duration.ofHours(24), Duration.ofHours(168), "Low");

        final Duration response;
        final Duration resolution;
        final String overdueLabel;

        Sla(Duration response, Duration resolution, String overdueLabel) {
            this.response = response;
            this.resolution = resolution;
            this.overdueLabel = overdueLabel;
        }

        static Sla of(String priority) {
            if (priority == null) {
                return LOW;
            }
            return switch (priority) {
                case "urgent" -> URGENT;
                case "high" -> HIGH;
                case "medium" -> MEDIUM;
                default -> LOW;
            };
        }
    }

    private SupportOracle() {}

    // --------------------------------------------------------------------------------------- support_metrics

    static List<Map<String, Object>> metrics(List<SupportTicket> tickets, LocalDateTime finalWatermark) {
        List<Map<String, Object>> rows = new ArrayList<>(tickets.size());
        for (SupportTicket ticket : tickets) {
            rows.add(metricsRow(ticket, finalWatermark));
        }
        return rows;
    }

    private static OracleRow metricsRow(SupportTicket t, LocalDateTime finalWatermark) {
        Sla sla = Sla.of(t.priority());
        return contractColumns(METRICS_LAYOUT.row(), t)
                .put("first_response_time_minutes", firstResponseMinutes(t))
                .put("resolution_time_hours", resolutionHours(t))
                .put("meets_response_sla", within(t.createdTimestamp(), t.firstResponseTimestamp(), sla.response))
                .put("meets_resolution_sla", meetsResolutionSla(t))
                .put("is_satisfied_customer", t.satisfactionScore() != null && t.satisfactionScore() >= 4)
                .put("is_unsatisfied_customer", t.satisfactionScore() != null && t.satisfactionScore() <= 2)
                .put("channel_type", channelType(t.channel()))
                .put("ticket_urgency_status", urgencyStatus(t, sla, finalWatermark))
                .build();
    }

    /** Whole minutes elapsed, truncated; NULL without a response. */
    private static Long firstResponseMinutes(SupportTicket t) {
        return t.firstResponseTimestamp() == null ? null
                : Duration.between(t.createdTimestamp(), t.firstResponseTimestamp()).toMinutes();
    }

    /** Whole hours elapsed, truncated; NULL without a resolution. */
    private static Long resolutionHours(SupportTicket t) {
        return t.resolutionTimestamp() == null ? null
                : Duration.between(t.createdTimestamp(), t.resolutionTimestamp()).toHours();
    }

    private static boolean meetsResolutionSla(SupportTicket t) {
        return within(t.createdTimestamp(), t.resolutionTimestamp(), Sla.of(t.priority()).resolution);
    }

    /** Whether {@code end} exists and at most {@code limit} after {@code start}; exact, not in whole units. */
    private static boolean within(LocalDateTime start, LocalDateTime end, Duration limit) {
        return end != null && Duration.between(start, end).compareTo(limit) <= 0;
    }

    static String channelType(String channel) {
        if (channel == null) {
            return "Other";
        }
        return switch (channel) {
            case "chat", "phone" -> "Real-time";
            case "email" -> "Asynchronous";
            case "social_media" -> "Public";
            default -> "Other";
        };
    }

    /** Judged at the final watermark (event time), never at the wall clock. */
    private static String urgencyStatus(SupportTicket t, Sla sla, LocalDateTime finalWatermark) {
        if (!isOpen(t)) {
            return "Resolved";
        }
        Duration age = Duration.between(t.createdTimestamp(), finalWatermark);
        return age.compareTo(sla.resolution) > 0 ? "Overdue " + sla.overdueLabel : "active";
    }

    private static boolean isOpen(SupportTicket t) {
        return "open".equals(t.status()) || "in_progress".equals(t.status());
    }

    private static OracleRow.Builder contractColumns(OracleRow.Builder row, SupportTicket t) {
        return row.put("ticket_id", t.ticketId())
                .put("customer_id", t.customerId())
                .put("order_id", t.orderId())
                .put("ticket_type", t.ticketType())
                .put("priority", t.priority())
                .put("status", t.status())
                .put("created_timestamp", t.createdTimestamp())
                .put("first_response_timestamp", t.firstResponseTimestamp())
                .put("resolution_timestamp", t.resolutionTimestamp())
                .put("agent_id", t.agentId())
                .put("satisfaction_score", t.satisfactionScore())
                .put("subject", t.subject())
                .put("channel", t.channel());
    }

    // ------------------------------------------------------------------------------------------ sla_breaches

    static List<Map<String, Object>> breaches(List<SupportTicket> tickets, LocalDateTime finalWatermark) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SupportTicket t : tickets) {
            Sla sla = Sla.of(t.priority());
            addBreach(rows, t, "response", t.createdTimestamp().plus(sla.response), t.firstResponseTimestamp(),
                    finalWatermark);
            addBreach(rows, t, "resolution", t.createdTimestamp().plus(sla.resolution), t.resolutionTimestamp(),
                    finalWatermark);
        }
        return rows;
    }

    /**
     * A breach once the watermark has strictly passed the deadline (the event-time timer fired) without the
     * response or resolution having happened at or before the deadline. Where the row sits in the file does
     * not matter: a response listed later but timed before the deadline is no breach.
     */
    private static void addBreach(List<Map<String, Object>> rows, SupportTicket t, String breachType,
            LocalDateTime deadline, LocalDateTime doneAt, LocalDateTime finalWatermark) {
        boolean deadlinePassed = deadline.isBefore(finalWatermark);
        boolean doneInTime = doneAt != null && !doneAt.isAfter(deadline);
        if (deadlinePassed && !doneInTime) {
            rows.add(BREACH_LAYOUT.row()
                    .put("ticket_id", t.ticketId())
                    .put("customer_id", t.customerId())
                    .put("priority", t.priority())
                    .put("breach_type", breachType)
                    .put("deadline", deadline)
                    .build());
        }
    }

    // ------------------------------------------------------------------------------------- agent_performance

    static List<Map<String, Object>> agents(List<SupportTicket> tickets) {
        Map<String, List<SupportTicket>> byAgent = new LinkedHashMap<>();
        for (SupportTicket t : tickets) {
            if (t.agentId() != null) {
                byAgent.computeIfAbsent(t.agentId(), a -> new ArrayList<>()).add(t);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>(byAgent.size());
        byAgent.forEach((agent, handled) -> rows.add(agentRow(agent, handled)));
        return rows;
    }

    private static OracleRow agentRow(String agentId, List<SupportTicket> handled) {
        Average responseMinutes = new Average();
        Average resolutionHours = new Average();
        Average satisfaction = new Average();
        long meetingResolutionSla = 0;
        long satisfied = 0;
        long unsatisfied = 0;
        for (SupportTicket t : handled) {
            responseMinutes.add(firstResponseMinutes(t));
            resolutionHours.add(resolutionHours(t));
            satisfaction.add(t.satisfactionScore() == null ? null : (long) t.satisfactionScore());
            meetingResolutionSla += meetsResolutionSla(t) ? 1 : 0;
            satisfied += t.satisfactionScore() != null && t.satisfactionScore() >= 4 ? 1 : 0;
            unsatisfied += t.satisfactionScore() != null && t.satisfactionScore() <= 2 ? 1 : 0;
        }
        return AGENT_LAYOUT.row()
                .put("agent_id", agentId)
                .put("tickets_handled", (long) handled.size())
                .put("avg_first_response_minutes", responseMinutes.value())
                .put("avg_resolution_hours", resolutionHours.value())
                .put("tickets_meeting_resolution_sla", meetingResolutionSla)
                .put("avg_satisfaction", satisfaction.value())
                .put("satisfied_count", satisfied)
                .put("unsatisfied_count", unsatisfied)
                .build();
    }

    /** The average of whole numbers, skipping NULLs (as SQL AVG does); NULL when there is none. */
    private static final class Average {
        private long sum;
        private long count;

        void add(Long value) {
            if (value != null) {
                sum += value;
                count++;
            }
        }

        Double value() {
            return count == 0 ? null : (double) sum / count;
        }
    }
}
