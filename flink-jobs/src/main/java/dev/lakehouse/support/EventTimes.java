package dev.lakehouse.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** UTC conversions between contract timestamps and Flink's epoch-millisecond event time. */
final class EventTimes {
    private EventTimes() {}

    static long toMillis(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static LocalDateTime fromMillis(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
