package dev.lakehouse.support;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * How long a ticket of one priority may wait for its first response and for its resolution. A deadline is
 * created + limit; a response or resolution exactly at the deadline meets it.
 *
 * <p>Whether a limit is met uses the exact elapsed time, not the truncated minutes or hours of the metrics
 * columns: 4 h 59 min misses a 4 h resolution SLA although resolution_time_hours is 4. This keeps
 * meets_*_sla the exact opposite of an {@link SlaBreach} once the deadline has passed.
 */
public record SlaPolicy(Duration responseLimit, Duration resolutionLimit) {

    /** The policy of a ticket's priority; a missing or unknown one gets {@link TicketPriority#LOW}'s. */
    public static SlaPolicy forPriority(String priority) {
        return TicketPriority.of(priority).sla();
    }

    public LocalDateTime responseDeadline(LocalDateTime created) {
        return created.plus(responseLimit);
    }

    public LocalDateTime resolutionDeadline(LocalDateTime created) {
        return created.plus(resolutionLimit);
    }

    /** Whether {@code done} exists and is not after {@code deadline}. */
    static boolean metBy(LocalDateTime done, LocalDateTime deadline) {
        return done != null && !done.isAfter(deadline);
    }
}
