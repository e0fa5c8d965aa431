package dev.lakehouse.sessions;

import java.io.Serializable;
import java.time.Duration;

/**
 * How sessions are cut and how long they wait for late events.
 *
 * @param gap consecutive events at most this far apart share a session (inclusive, see {@link SessionGap})
 * @param allowedLateness how far behind the watermark an event may still be to update its session; a session's
 *     state is kept until the watermark passes its end + gap + allowed lateness
 */
public record SessionSettings(Duration gap, Duration allowedLateness) implements Serializable {
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofHours(1);

    public SessionSettings {
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("the session gap must be positive: " + gap);
        }
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("the allowed lateness cannot be negative: " + allowedLateness);
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(SessionGap.DEFAULT, DEFAULT_ALLOWED_LATENESS);
    }
}
