package dev.lakehouse.support;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Support tickets for tests. */
final class Tickets {
    static final LocalDateTime CREATED = LocalDateTime.of(2024, 6, 1, 12, 0, 0);

    private Tickets() {}

    static SupportTicket open(String priority) {
        return ticket("TKT00000001", priority, "open", null, null, null, null, "email");
    }

    static SupportTicket ticket(String id, String priority, String status, LocalDateTime response,
            LocalDateTime resolution, String agent, Integer score, String channel) {
        return new SupportTicket(id, "CUST000001", "ORD000000001", "order_issue", priority, status, CREATED,
                response, resolution, agent, score, "subject", channel);
    }

    static SupportTicket responded(String priority, LocalDateTime response) {
        return ticket("TKT00000001", priority, "in_progress", response, null, "AGT01", null, "email");
    }

    static SupportTicket resolved(String priority, LocalDateTime resolution) {
        return ticket("TKT00000001", priority, "resolved", CREATED.plusMinutes(1), resolution, "AGT01", 5, "email");
    }

    static long millis(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
