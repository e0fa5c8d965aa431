package dev.lakehouse.stack.soak;

import java.util.List;

/**
 * Whether a series of samples (heap, RSS, state size, lag, file counts…) stayed bounded during a soak.
 *
 * <p>The rule: split the samples into thirds by time. The first third is warm-up (JVMs size their heaps, tables get their
 * first files, the first compaction and snapshot expiry have not run yet) and is ignored. The series is <b>bounded</b>
 * when the largest value of the last third is at most the largest value of the middle third times
 * {@code 1 + relativeTolerance}, plus {@code absoluteSlack}. Maxima rather than means or ends, because these series
 * are saw-tooths (garbage collection, compaction, checkpoints): a saw-tooth whose peaks stay level is bounded, one whose
 * peaks keep rising is not. The slack keeps tiny series (2 files → 3 files) from being judged on noise.
 *
 * <p>The growth rate shown beside a verdict is the least-squares slope over the middle and last thirds, per minute.
 *
 * @param relativeTolerance e.g. 0.25: the last third's peak may be 25 % above the middle third's
 * @param absoluteSlack in the series' unit, added on top
 */
public record Boundedness(double relativeTolerance, double absoluteSlack) {
    /** Fewer samples than this cannot be split into thirds. */
    public static final int MIN_SAMPLES = 3;

    public Boundedness {
        if (relativeTolerance < 0 || absoluteSlack < 0) {
            throw new IllegalArgumentException("tolerances must not be negative");
        }
    }

    /** The verdict on one series. */
    public record Verdict(boolean judged, boolean bounded, double middleMax, double lastMax, double growthPerMinute, int samples) {
        public boolean grew() {
            return judged && !bounded;
        }
    }

    /**
     * @param minutes when each value was taken, in minutes since the start (same length as {@code values})
     * @param values the samples in time order; NaN for a sample that could not be taken (skipped)
     */
    public Verdict judge(List<Double> minutes, List<Double> values) {
        if (minutes.size() != values.size()) {
            throw new IllegalArgumentException("one time per value: " + minutes.size() + " times, " + values.size() + " values");
        }
        int n = values.size();
        int middleStart = n / 3;
        int lastStart = 2 * n / 3;
        double middleMax = max(values, middleStart, lastStart);
        double lastMax = max(values, lastStart, n);
        double slope = slope(minutes, values, middleStart, n);
        if (n < MIN_SAMPLES || Double.isNaN(middleMax) || Double.isNaN(lastMax)) {
            return new Verdict(false, false, middleMax, lastMax, slope, n);
        }
        boolean bounded = lastMax <= middleMax * (1 + relativeTolerance) + absoluteSlack;
        return new Verdict(true, bounded, middleMax, lastMax, slope, n);
    }

    private static double max(List<Double> values, int from, int to) {
        double max = Double.NaN;
        for (int i = from; i < to; i++) {
            double value = values.get(i);
            if (!Double.isNaN(value) && (Double.isNaN(max) || value > max)) {
                max = value;
            }
        }
        return max;
    }

    /** Least-squares slope of value over minutes; NaN with fewer than two points. */
    static double slope(List<Double> minutes, List<Double> values, int from, int to) {
        double sumX = 0;
        double sumY = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values.get(i))) {
                sumX += minutes.get(i);
                sumY += values.get(i);
                count++;
            }
        }
        if (count < 2) {
            return Double.NaN;
        }
        double meanX = sumX / count;
        double meanY = sumY / count;
        double covariance = 0;
        double variance = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values.get(i))) {
                double dx = minutes.get(i) - meanX;
                covariance += dx * (values.get(i) - meanY);
                variance += dx * dx;
            }
        }
        return variance == 0 ? Double.NaN : covariance / variance;
    }
}
