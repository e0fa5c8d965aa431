package dev.lakehouse.support;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long the support job remembers a ticket.
 *
 * @param ticketRetention event time a ticket's state is kept after its last SLA deadline; zero keeps it for ever.
 *     After its last deadline nothing about a ticket changes any more (breaches are written, an active ticket is
 *     Overdue), so the state only serves a new version of the ticket arriving later. One arriving after the
 *     retention counts as a new ticket: its support_metrics row is replaced as usual, but the agent figures count
 *     it a second time and a breach it still shows is written again. Bronze drops repeated ticket ids for its
 *     {@code --dedup-ttl}, so in practice such a version only reaches silver once bronze has forgotten the id too.
 */
public record SupportSettings(Duration ticketRetention) implements Serializable {
    public static final Duration DEFAULT_TICKET_RETENTION = Duration.ofDays(7);

    public SupportSettings {
        if (ticketRetention.isNegative()) {
            throw new IllegalArgumentException("the ticket retention cannot be negative: " + ticketRetention);
        }
    }

    public static SupportSettings defaults() {
        return new SupportSettings(DEFAULT_TICKET_RETENTION);
    }
}
