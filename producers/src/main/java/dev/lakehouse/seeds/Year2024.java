package dev.lakehouse.seeds;

/** The calendar year every generated event time falls in, in UTC epoch seconds. */
final class Year2024 {
    static final long START_SECOND = 1_704_067_200L; // 2024-01-01 00:00:00 UTC
    static final int DAYS = 366;
    static final long SECONDS_PER_DAY = 86_400L;
    /** Exclusive: 2025-01-01 00:00:00 UTC. */
    static final long END_SECOND = START_SECOND + DAYS * SECONDS_PER_DAY;
    static final long LAST_SECOND = END_SECOND - 1;

    private Year2024() {}

    static long dayStart(int day) {
        return START_SECOND + day * SECONDS_PER_DAY;
    }

    static long epochDay(int day) {
        return START_SECOND / SECONDS_PER_DAY + day;
    }

    /** Keeps a derived time (a payment after a purchase on 31 December, say) inside the year. */
    static long clamp(long epochSecond) {
        return Math.min(epochSecond, LAST_SECOND);
    }
}
