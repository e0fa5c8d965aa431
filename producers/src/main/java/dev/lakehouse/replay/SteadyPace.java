package dev.lakehouse.replay;

/**
 * A fixed rate in rows per second: row {@code n} (counted from 0) is due {@code n / rate} seconds after the start.
 * Counting from the start, not from the previous row, keeps the long-run rate exact: a late row (a GC pause, a slow
 * send) is followed by rows sent at once until the feed is back on schedule.
 */
public record SteadyPace(double rowsPerSecond) {

    public SteadyPace {
        if (!(rowsPerSecond > 0) || Double.isInfinite(rowsPerSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number of rows per second, got " + rowsPerSecond);
        }
    }

    /** Nanoseconds after the start at which row {@code n} is due. */
    public long dueNanos(long n) {
        return (long) (n * 1e9 / rowsPerSecond);
    }
}
