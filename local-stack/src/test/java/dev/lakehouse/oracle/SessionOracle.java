package dev.lakehouse.oracle;

import dev.lakehouse.oracle.SeedData.CustomerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** silver.customer_sessions, see {@link SilverOracle#customerSessions(Duration)}. */
final class SessionOracle {
    static final OracleRow.Layout LAYOUT = OracleRow.Layout.of(List.of("customer_id", "session_id",
            "session_start", "session_end", "session_duration_seconds", "session_length_category", "total_events",
            "unique_event_types", "page_views", "product_views", "cart_adds", "purchases", "unique_products_viewed",
            "converted", "abandoned_cart", "bounce_session", "device_type", "referrer_source"));

    /** Sessions of one (customer, session id) pair in event-time order; ties in time by event_id. */
    private static final Comparator<CustomerEvent> SESSION_ORDER = Comparator
            .comparing(CustomerEvent::customerId)
            .thenComparing(CustomerEvent::sessionId)
            .thenComparing(CustomerEvent::eventTimestamp)
            .thenComparing(CustomerEvent::eventId);

    private SessionOracle() {}

    static List<Map<String, Object>> sessions(List<CustomerEvent> events, Duration gap) {
        List<CustomerEvent> sorted = new ArrayList<>(events);
        sorted.sort(SESSION_ORDER);
        List<Map<String, Object>> rows = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !continuesSession(sorted.get(i - 1), sorted.get(i), gap)) {
                rows.add(session(sorted.subList(start, i)));
                start = i;
            }
        }
        return rows;
    }

    /** Same pair and at most the gap after the previous event: exactly the gap still continues the session. */
    private static boolean continuesSession(CustomerEvent previous, CustomerEvent next, Duration gap) {
        return previous.customerId().equals(next.customerId())
                && previous.sessionId().equals(next.sessionId())
                && Duration.between(previous.eventTimestamp(), next.eventTimestamp()).compareTo(gap) <= 0;
    }

    /** One row from the events of one session, in session order. */
    private static OracleRow session(List<CustomerEvent> events) {
        CustomerEvent first = events.get(0);
        CustomerEvent last = events.get(events.size() - 1);
        long durationSeconds = Duration.between(first.eventTimestamp(), last.eventTimestamp()).getSeconds();
        Set<String> eventTypes = new HashSet<>();
        Set<String> products = new HashSet<>();
        for (CustomerEvent event : events) {
            if (event.eventType() != null) {
                eventTypes.add(event.eventType());
            }
            if (event.productId() != null) {
                products.add(event.productId());
            }
        }
        long pageViews = countOfType(events, "page_view");
        long productViews = countOfType(events, "product_view");
        long cartAdds = countOfType(events, "add_to_cart");
        long purchases = countOfType(events, "purchase");
        return LAYOUT.row()
                .put("customer_id", first.customerId())
                .put("session_id", first.sessionId())
                .put("session_start", first.eventTimestamp())
                .put("session_end", last.eventTimestamp())
                .put("session_duration_seconds", durationSeconds)
                .put("session_length_category", lengthCategory(durationSeconds))
                .put("total_events", (long) events.size())
                .put("unique_event_types", (long) eventTypes.size())
                .put("page_views", pageViews)
                .put("product_views", productViews)
                .put("cart_adds", cartAdds)
                .put("purchases", purchases)
                .put("unique_products_viewed", (long) products.size())
                .put("converted", purchases > 0)
                .put("abandoned_cart", cartAdds > 0 && purchases == 0)
                .put("bounce_session", events.size() == 1)
                .put("device_type", first.deviceType())
                .put("referrer_source", first.referrerSource())
                .build();
    }

    private static long countOfType(List<CustomerEvent> events, String eventType) {
        return events.stream().filter(e -> Objects.equals(e.eventType(), eventType)).count();
    }

    static String lengthCategory(long durationSeconds) {
        if (durationSeconds < 30) {
            return "very_short";
        } else if (durationSeconds < 300) {
            return "short";
        } else if (durationSeconds < 1800) {
            return "medium";
        }
        return "long";
    }
}
