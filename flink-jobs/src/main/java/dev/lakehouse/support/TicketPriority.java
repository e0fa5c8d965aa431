package dev.lakehouse.support;

import java.time.Duration;

/**
 * The contract's priorities with their SLA and the word {@code ticket_urgency_status} uses for them once
 * overdue: urgent → Critical, high → High, medium → Medium, low → Low.
 *
 * <p>A missing or unknown priority is treated as {@link #LOW}: the loosest SLA, so bad data never raises a
 * breach that a real low-priority ticket would not.
 */
public enum TicketPriority {
    URGENT("urgent", "Critical", new SlaPolicy(Duration.ofMinutes(15), Duration.ofHours(4))),
    HIGH("high", "High", new SlaPolicy(Duration.ofMinutes(60), Duration.ofHours(24))),
    MEDIUM("medium", "Medium", new SlaPolicy(Duration.ofHours(4), Duration.ofHours(72))),
    LOW("low", "Low", new SlaPolicy(Duration.ofHours(24), Duration.ofHours(168)));

    private final String code;
    private final String urgencyLabel;
    private final SlaPolicy sla;

    TicketPriority(String code, String urgencyLabel, SlaPolicy sla) {
        this.code = code;
        this.urgencyLabel = urgencyLabel;
        this.sla = sla;
    }

    /** The contract value. */
    public String code() {
        return code;
    }

    /** What follows "Overdue " in {@code ticket_urgency_status}. */
    public String urgencyLabel() {
        return urgencyLabel;
    }

    public SlaPolicy sla() {
        return sla;
    }

    public static TicketPriority of(String priority) {
        for (TicketPriority candidate : values()) {
            if (candidate.code.equals(priority)) {
                return candidate;
            }
        }
        return LOW;
    }
}
