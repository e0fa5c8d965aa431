package dev.lakehouse.replay;

import java.util.Locale;

/**
 * How fast to replay: as fast as possible, or event time sped up N times (a row with event time t is sent
 * at wall-clock start + (t − first event time) / N).
 *
 * @param factor the speed-up; {@code 0} means as fast as possible
 */
public record ReplaySpeed(double factor) {
    public static final ReplaySpeed MAX = new ReplaySpeed(0);

    public ReplaySpeed {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("speed factor must be a positive number, got " + factor);
        }
    }

    public static ReplaySpeed times(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed factor must be positive, got " + factor);
        }
        return new ReplaySpeed(factor);
    }

    /** Parses {@code max} or {@code <N>x} (e.g. {@code 10x}, {@code 3600x}, {@code 0.5x}). */
    public static ReplaySpeed parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("max")) {
            return MAX;
        }
        if (value.length() > 1 && value.endsWith("x")) {
            try {
                double factor = Double.parseDouble(value.substring(0, value.length() - 1));
                if (factor > 0 && Double.isFinite(factor)) {
                    return new ReplaySpeed(factor);
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("invalid speed '" + text + "': use max or a positive speed-up such as 10x");
    }

    public boolean isMax() {
        return factor == 0;
    }

    /**
     * When, counted from the start of the replay, a row with this event time is due.
     *
     * @return nanoseconds after the start; 0 at {@code max} speed
     */
    public long sendOffsetNanos(long eventTimeMillis, long firstEventTimeMillis) {
        if (isMax() || eventTimeMillis <= firstEventTimeMillis) {
            return 0;
        }
        return (long) ((eventTimeMillis - firstEventTimeMillis) * 1_000_000.0 / factor);
    }

    @Override
    public String toString() {
        if (isMax()) {
            return "max";
        }
        return (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor)) + "x";
    }
}
