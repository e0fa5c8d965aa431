package dev.lakehouse.stack.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a chaos run does.
 *
 * @param seeds the seeds folder replayed by both runs
 * @param warehouse where the chaos run writes; its tables stay for queries
 * @param referenceWarehouse where the fault-free run writes
 * @param faults how many faults
 * @param seed the random seed of the fault plan (times, kinds, which TaskManager)
 * @param taskManagers TaskManager processes of both runs (at least 1: the faults kill processes)
 * @param replayDuration how long the chaos run's replay takes (its speed is set from the seeds' event-time span);
 *     the faults happen within it
 * @param checkpointInterval Flink's checkpoint interval in both runs
 * @param recoveryTimeout how long a fault may take to recover before the run fails
 * @param drainTimeout how long each run may take to commit every replayed row
 */
public record ChaosSettings(Path seeds, Path warehouse, Path referenceWarehouse, Path jobJar, int faults, long seed,
        int taskManagers, Duration replayDuration, Duration checkpointInterval, Duration recoveryTimeout, Duration drainTimeout) {

    public ChaosSettings {
        if (taskManagers < 1) {
            throw new IllegalArgumentException("a chaos run kills Flink processes: it needs --taskmanagers 1 or more, got " + taskManagers);
        }
        if (faults < 0) {
            throw new IllegalArgumentException("--faults must not be negative, got " + faults);
        }
        if (warehouse.toAbsolutePath().normalize().equals(referenceWarehouse.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the chaos and the reference run need different warehouses");
        }
    }
}
