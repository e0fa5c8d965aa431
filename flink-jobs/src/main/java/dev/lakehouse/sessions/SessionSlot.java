package dev.lakehouse.sessions;

import java.util.ArrayList;
import java.util.List;

/**
 * One session of a (customer_id, session_id) pair as the sessionizer keeps it between watermarks: its
 * accumulator and what the table currently holds for it.
 *
 * <p>A Flink POJO (public no-arg constructor, public fields, {@code List} so that Flink uses its list serializer).
 * Accumulators already written are never mutated: a change copies {@link #current} first, because the heap state
 * backend keeps these very objects and {@link #superseded} may hold the previous one.
 */
public class SessionSlot {
    public SessionAccumulator current;
    /** Whether the table holds {@link #current} as it is now. */
    public boolean written;
    /**
     * Rows in the table that {@link #current} replaces when it is next written: its own previous version, and the
     * rows of sessions merged into it. Empty when {@link #written}.
     */
    public List<SessionAccumulator> superseded = new ArrayList<>();

    public SessionSlot() {}

    static SessionSlot of(CustomerEvent event) {
        SessionSlot slot = new SessionSlot();
        slot.current = new SessionAccumulator().add(event);
        return slot;
    }

    /** Whether {@code eventMillis} is at most the gap from one of this session's events. */
    boolean accepts(long eventMillis, long gapMillis) {
        return eventMillis >= current.startMillis - gapMillis && eventMillis <= current.endMillis + gapMillis;
    }

    /** The sessions {@code slots} joined by {@code event}, as one new session; none of them is modified. */
    static SessionSlot merge(CustomerEvent event, List<SessionSlot> slots) {
        SessionSlot merged = new SessionSlot();
        merged.current = new SessionAccumulator();
        for (SessionSlot slot : slots) {
            merged.current.merge(slot.current);
            merged.superseded.addAll(slot.superseded);
            if (slot.written) {
                merged.superseded.add(slot.current);
            }
        }
        merged.current.add(event);
        return merged;
    }

    long endMillis() {
        return current.endMillis;
    }
}
