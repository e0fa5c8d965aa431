package dev.lakehouse.support;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code silver.sla_breaches}.
 *
 * @param priority the ticket's priority as written in the ticket
 * @param deadline created + the limit of the ticket's priority
 * @param detectedAt the event time at which the breach was seen: the watermark given to {@link #breachesDue}
 */
public record SlaBreach(
        String ticketId,
        String customerId,
        String priority,
        BreachType breachType,
        LocalDateTime deadline,
        LocalDateTime detectedAt) {

    /**
     * The breaches of {@code ticket} that are due at {@code watermarkMillis}: for the response and for the
     * resolution, the watermark is strictly after the deadline and the ticket, as known now, has no first
     * response (resp. resolution) at or before that deadline. A response that came after the deadline does not
     * undo the breach: when the deadline passed there was none.
     *
     * <p>Pure: it says what is due, not what was already emitted. A Flink operator registers an event-time timer
     * at {@link #dueFromWatermark} of each deadline, so it asks once per deadline; passing the timer's timestamp
     * as the watermark makes detected_at the same on every replay. Once a deadline has passed, a breach is due
     * exactly when {@link SupportMetrics#meetsResponseSla} (resp. resolution) is false.
     */
    public static List<SlaBreach> breachesDue(SupportTicket ticket, long watermarkMillis) {
        List<SlaBreach> due = new ArrayList<>(2);
        addIfDue(due, ticket, BreachType.RESPONSE, ticket.responseDeadline(), ticket.firstResponseTimestamp(), watermarkMillis);
        addIfDue(due, ticket, BreachType.RESOLUTION, ticket.resolutionDeadline(), ticket.resolutionTimestamp(), watermarkMillis);
        return List.copyOf(due);
    }

    public static List<SlaBreach> breachesDue(SupportTicket ticket, LocalDateTime watermark) {
        return breachesDue(ticket, EventTimes.toMillis(watermark));
    }

    /** The smallest watermark at which a breach of {@code deadline} is due: the event-time timer to register. */
    public static long dueFromWatermark(LocalDateTime deadline) {
        return EventTimes.toMillis(deadline) + 1;
    }

    private static void addIfDue(List<SlaBreach> due, SupportTicket ticket, BreachType type,
            LocalDateTime deadline, LocalDateTime done, long watermarkMillis) {
        if (watermarkMillis >= dueFromWatermark(deadline) && !SlaPolicy.metBy(done, deadline)) {
            due.add(new SlaBreach(ticket.ticketId(), ticket.customerId(), ticket.priority(), type, deadline,
                    EventTimes.fromMillis(watermarkMillis)));
        }
    }
}
