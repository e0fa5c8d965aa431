package dev.lakehouse.support;

import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import java.time.LocalDateTime;

/** One row of {@code support_tickets}, components in contract column order; {@code null} where empty. */
public record SupportTicket(
        String ticketId,
        String customerId,
        String orderId,
        String ticketType,
        String priority,
        String status,
        LocalDateTime createdTimestamp,
        LocalDateTime firstResponseTimestamp,
        LocalDateTime resolutionTimestamp,
        String agentId,
        Integer satisfactionScore,
        String subject,
        String channel) {

    public static SupportTicket fromRow(TypedRow row) {
        if (row.source() != Source.SUPPORT_TICKETS) {
            throw new IllegalArgumentException("not a support ticket: " + row.source());
        }
        return new SupportTicket(
                (String) row.value(0),
                (String) row.value(1),
                (String) row.value(2),
                (String) row.value(3),
                (String) row.value(4),
                (String) row.value(5),
                (LocalDateTime) row.value(6),
                (LocalDateTime) row.value(7),
                (LocalDateTime) row.value(8),
                (String) row.value(9),
                (Integer) row.value(10),
                (String) row.value(11),
                (String) row.value(12));
    }

    public SlaPolicy slaPolicy() {
        return SlaPolicy.forPriority(priority);
    }

    public LocalDateTime responseDeadline() {
        return slaPolicy().responseDeadline(createdTimestamp);
    }

    public LocalDateTime resolutionDeadline() {
        return slaPolicy().resolutionDeadline(createdTimestamp);
    }
}
