package dev.lakehouse.sessions;

import java.time.LocalDateTime;

/** Customer events for tests: one customer and session unless told otherwise. */
final class Events {
    static final String CUSTOMER = "CUST000001";
    static final String SESSION = "SESS00000001";
    static final LocalDateTime T0 = LocalDateTime.of(2024, 6, 1, 12, 0, 0);

    private Events() {}

    static CustomerEvent event(String eventId, LocalDateTime time, String type) {
        return event(eventId, time, type, null, "desktop", "google");
    }

    static CustomerEvent event(String eventId, LocalDateTime time, String type, String productId) {
        return event(eventId, time, type, productId, "desktop", "google");
    }

    static CustomerEvent event(String eventId, LocalDateTime time, String type, String productId, String device,
            String referrer) {
        return new CustomerEvent(eventId, CUSTOMER, SESSION, type, time, "/page", productId,
                productId == null ? null : "CAT001", referrer, device, "agent", "10.0.0.1");
    }
}
