package dev.lakehouse.stack.freshness;

import dev.lakehouse.stack.drain.DrainWatcher;
import java.time.Duration;

/**
 * Whether the job kept up with the replay, from its Kafka consumer lag. Freshness means the pipeline's latency
 * only while the job keeps up; once it falls behind, every probe also waits for the backlog ahead of it, so
 * freshness grows with the run's length and says how far the rate is above what the machine sustains.
 *
 * @param rowsProduced rows the replay sent
 * @param replayTime how long the replay took
 * @param lagAtReplayEnd records not yet committed by the job's consumer group when the replay ended
 * @param peakLag the largest lag seen during the replay
 */
public record JobBacklog(long rowsProduced, Duration replayTime, long lagAtReplayEnd, long peakLag) {

    /** The same allowance the soak gives its lag: {@link DrainWatcher#keepingUpLagRows}. */
    public boolean keptUp(Duration checkpointInterval) {
        return lagAtReplayEnd <= DrainWatcher.keepingUpLagRows(producedPerSecond(), checkpointInterval);
    }

    public double producedPerSecond() {
        return rowsProduced / seconds();
    }

    /** Rows the job committed per second while the replay ran. */
    public double consumedPerSecond() {
        return Math.max(0, rowsProduced - lagAtReplayEnd) / seconds();
    }

    public String summary(Duration checkpointInterval) {
        if (keptUp(checkpointInterval)) {
            return String.format("the job kept up: Kafka lag %,d rows when the replay ended (peak %,d), within two "
                    + "checkpoint intervals of rows", lagAtReplayEnd, peakLag);
        }
        return String.format("the job did NOT keep up: it committed about %,.0f rows/s of the %,.0f produced, and lagged by "
                        + "%,d rows when the replay ended. The probes waited behind that backlog, so freshness grows with the "
                        + "run's length here: run again with a --rate this machine sustains to measure the pipeline's own latency",
                consumedPerSecond(), producedPerSecond(), lagAtReplayEnd);
    }

    private double seconds() {
        return Math.max(1e-3, replayTime.toMillis() / 1000.0);
    }
}
