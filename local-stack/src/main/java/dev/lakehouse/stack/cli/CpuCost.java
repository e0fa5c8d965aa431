package dev.lakehouse.stack.cli;

import java.util.Locale;

/**
 * The CPU a run of the stack spent per committed row, and what that cost means for a rate: the rows per second a
 * number of cores can sustain, and the cores a rate needs. Wall time depends on what else shares the machine; CPU
 * time per row much less so, which makes it the figure to compare runs and machines by.
 */
record CpuCost(double cpuSeconds, long rows) {
    /** The rates the issues set: bronze and silver at 50,000 rows/s; gold freshness and the soak at 20,000. */
    static final long SILVER_TARGET_RATE = 50_000;
    static final long FRESHNESS_AND_SOAK_RATE = 20_000;

    CpuCost {
        if (cpuSeconds <= 0 || rows <= 0) {
            throw new IllegalArgumentException("a cost needs CPU time and rows, got " + cpuSeconds + " s for " + rows + " rows");
        }
    }

    double microsPerRow() {
        return cpuSeconds * 1e6 / rows;
    }

    double rowsPerSecondOn(int cores) {
        return cores * rows / cpuSeconds;
    }

    double coresFor(long rowsPerSecond) {
        return rowsPerSecond * cpuSeconds / rows;
    }

    /** E.g. "at that cost 50,000 rows/s need 3.7 cores, 20,000 rows/s 1.5 cores". */
    String coresForTargets() {
        return String.format(Locale.ROOT, "at that cost %,d rows/s need %.1f cores, %,d rows/s %.1f cores",
                SILVER_TARGET_RATE, coresFor(SILVER_TARGET_RATE), FRESHNESS_AND_SOAK_RATE, coresFor(FRESHNESS_AND_SOAK_RATE));
    }
}
