package dev.lakehouse.sessions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * The running state of one session, built by adding events and merging accumulators.
 *
 * <p>Flink merges session windows, so {@link #merge} must give exactly what adding every event of both sides to
 * one accumulator gives, whatever the order: every field is a count, a set union, a min/max, or the "first event"
 * chosen by a total order (earliest event time, then smallest event_id), so the result does not depend on arrival
 * order. It is a Flink POJO: public no-arg constructor, public fields; the sets are declared as {@code Set} so
 * that Flink uses its own set serializer instead of falling back to Kryo.
 *
 * <p>A repeated event_id would be counted twice: duplicates are removed in bronze before this point.
 */
public class SessionAccumulator {
    public String customerId;
    public String sessionId;
    public long totalEvents;
    /** Meaningful only when {@link #totalEvents} &gt; 0. */
    public long startMillis;
    public long endMillis;
    public long pageViews;
    public long productViews;
    public long cartAdds;
    public long purchases;
    public Set<String> eventTypes = new HashSet<>();
    public Set<String> productIds = new HashSet<>();
    /** The first event's id, device and referrer; its time is {@link #startMillis}. */
    public String firstEventId;
    public String firstDeviceType;
    public String firstReferrerSource;

    public SessionAccumulator() {}

    public boolean isEmpty() {
        return totalEvents == 0;
    }

    public SessionAccumulator add(CustomerEvent event) {
        if (isEmpty()) {
            customerId = event.customerId();
            sessionId = event.sessionId();
        } else {
            requireSameSession(event.customerId(), event.sessionId());
        }
        long time = event.eventTimeMillis();
        takeFirstIfEarlier(time, event.eventId(), event.deviceType(), event.referrerSource());
        endMillis = isEmpty() ? time : Math.max(endMillis, time);
        totalEvents++;
        String type = event.eventType();
        if (type != null) {
            eventTypes.add(type);
            switch (type) {
                case EventTypes.PAGE_VIEW -> pageViews++;
                case EventTypes.PRODUCT_VIEW -> productViews++;
                case EventTypes.ADD_TO_CART -> cartAdds++;
                case EventTypes.PURCHASE -> purchases++;
                default -> { }
            }
        }
        if (event.productId() != null) {
            productIds.add(event.productId());
        }
        return this;
    }

    /** Adds {@code other}'s events to this accumulator and returns it; {@code other} is left unchanged. */
    public SessionAccumulator merge(SessionAccumulator other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            customerId = other.customerId;
            sessionId = other.sessionId;
        } else {
            requireSameSession(other.customerId, other.sessionId);
        }
        takeFirstIfEarlier(other.startMillis, other.firstEventId, other.firstDeviceType, other.firstReferrerSource);
        endMillis = isEmpty() ? other.endMillis : Math.max(endMillis, other.endMillis);
        totalEvents += other.totalEvents;
        pageViews += other.pageViews;
        productViews += other.productViews;
        cartAdds += other.cartAdds;
        purchases += other.purchases;
        eventTypes.addAll(other.eventTypes);
        productIds.addAll(other.productIds);
        return this;
    }

    /** Called before {@link #totalEvents} counts the candidate, so an empty accumulator always takes it. */
    private void takeFirstIfEarlier(long time, String eventId, String deviceType, String referrerSource) {
        boolean earlier = isEmpty()
                || time < startMillis
                || (time == startMillis && compareIds(eventId, firstEventId) < 0);
        if (earlier) {
            startMillis = time;
            firstEventId = eventId;
            firstDeviceType = deviceType;
            firstReferrerSource = referrerSource;
        }
    }

    private static int compareIds(String a, String b) {
        // event_id is the primary key and never null in a contract row; the guard keeps hand-made input total.
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }

    private void requireSameSession(String otherCustomerId, String otherSessionId) {
        if (!customerId.equals(otherCustomerId) || !sessionId.equals(otherSessionId)) {
            throw new IllegalArgumentException("event of " + otherCustomerId + "/" + otherSessionId
                    + " added to session " + customerId + "/" + sessionId);
        }
    }

    public SessionSummary toSummary() {
        if (isEmpty()) {
            throw new IllegalStateException("a session has at least one event");
        }
        long durationSeconds = Duration.ofMillis(endMillis - startMillis).toSeconds();
        return new SessionSummary(
                customerId,
                sessionId,
                utc(startMillis),
                utc(endMillis),
                durationSeconds,
                SessionLengthCategory.of(durationSeconds),
                totalEvents,
                eventTypes.size(),
                pageViews,
                productViews,
                cartAdds,
                purchases,
                productIds.size(),
                purchases > 0,
                cartAdds > 0 && purchases == 0,
                totalEvents == 1,
                firstDeviceType,
                firstReferrerSource);
    }

    private static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
