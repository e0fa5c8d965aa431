package dev.lakehouse.support;

/**
 * {@code ticket_urgency_status} at a watermark (event time, so a replay gives the same answer, unlike the wall
 * clock). An active ticket is overdue once the watermark is strictly after its resolution deadline ("age exceeds
 * the SLA"): at exactly the deadline it is still {@link #ACTIVE}.
 */
public enum TicketUrgencyStatus {
    OVERDUE_CRITICAL("Overdue Critical"),
    OVERDUE_HIGH("Overdue High"),
    OVERDUE_MEDIUM("Overdue Medium"),
    OVERDUE_LOW("Overdue Low"),
    ACTIVE("active"),
    RESOLVED("Resolved");

    private final String code;

    TicketUrgencyStatus(String code) {
        this.code = code;
    }

    /** The value written to the table. */
    public String code() {
        return code;
    }

    /** Every status other than open and in_progress is {@link #RESOLVED}, waiting_customer included. */
    public static TicketUrgencyStatus of(SupportTicket ticket, long watermarkMillis) {
        if (!TicketStatuses.isActive(ticket.status())) {
            return RESOLVED;
        }
        // Compared as deadline < watermark: age = watermark − created would overflow for Flink's initial
        // watermark, Long.MIN_VALUE.
        if (watermarkMillis > EventTimes.toMillis(ticket.resolutionDeadline())) {
            return overdue(TicketPriority.of(ticket.priority()));
        }
        return ACTIVE;
    }

    static TicketUrgencyStatus overdue(TicketPriority priority) {
        return switch (priority) {
            case URGENT -> OVERDUE_CRITICAL;
            case HIGH -> OVERDUE_HIGH;
            case MEDIUM -> OVERDUE_MEDIUM;
            case LOW -> OVERDUE_LOW;
        };
    }
}
