package dev.lakehouse.sessions;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * When two events of one (customer_id, session_id) pair belong to the same session.
 *
 * <p>The spec says consecutive events are "at most the gap apart", so the gap is inclusive: events exactly
 * 30:00 apart share a session, 30:01 apart do not. This is also what Flink's
 * {@code EventTimeSessionWindows.withGap(gap)} does: each event opens the window {@code [t, t + gap)} and two
 * windows merge when one's end is not before the other's start, so an event exactly {@code gap} later still
 * merges.
 */
public final class SessionGap {
    /** The spec's default gap; the job may configure another. */
    public static final Duration DEFAULT = Duration.ofMinutes(30);

    private SessionGap() {}

    /** Whether two consecutive event times (in either order) are close enough to be one session. */
    public static boolean sameSession(long eventMillis, long otherEventMillis, Duration gap) {
        return Math.abs(otherEventMillis - eventMillis) <= gap.toMillis();
    }

    public static boolean sameSession(LocalDateTime eventTime, LocalDateTime otherEventTime, Duration gap) {
        return Duration.between(eventTime, otherEventTime).abs().compareTo(gap) <= 0;
    }
}
