package dev.lakehouse.sessions;

import java.time.LocalDateTime;

/**
 * One row of {@code silver.customer_sessions}, key (customer_id, session_id, session_start).
 *
 * @param sessionLengthCategory written as {@link SessionLengthCategory#code()}
 * @param uniqueEventTypes distinct non-null event types
 * @param uniqueProductsViewed distinct non-null product ids over all events of the session
 * @param deviceType of the first event (earliest time; on a tie, the smallest event_id)
 * @param referrerSource of the same first event
 */
public record SessionSummary(
        String customerId,
        String sessionId,
        LocalDateTime sessionStart,
        LocalDateTime sessionEnd,
        long sessionDurationSeconds,
        SessionLengthCategory sessionLengthCategory,
        long totalEvents,
        long uniqueEventTypes,
        long pageViews,
        long productViews,
        long cartAdds,
        long purchases,
        long uniqueProductsViewed,
        boolean converted,
        boolean abandonedCart,
        boolean bounceSession,
        String deviceType,
        String referrerSource) {}
