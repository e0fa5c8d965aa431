package dev.lakehouse.maintenance;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the lakehouse keeps its tables fast to read while they are streamed into: every table gets the same plan.
 *
 * @param compactAfterCommits compact data files (applying their deletes) and expire snapshots after this many commits
 * @param targetFileSizeBytes size compaction aims for; smaller files are merged
 * @param snapshotMaxAge snapshots older than this are expired (time travel reaches back this far)
 * @param retainLastSnapshots ... but at least this many are kept
 * @param orphanFileMinAge files not referenced by the table and older than this are deleted (longer than any write)
 * @param orphanScanInterval how often the table's folder is scanned for orphan files
 * @param danglingDeleteInterval how often delete files that no longer apply to any data file are removed
 * @param minInterval at least this long between two runs of one task on one table
 */
public record MaintenanceSettings(
        int compactAfterCommits,
        long targetFileSizeBytes,
        Duration snapshotMaxAge,
        int retainLastSnapshots,
        Duration orphanFileMinAge,
        Duration orphanScanInterval,
        Duration danglingDeleteInterval,
        Duration minInterval) implements Serializable {

    public static MaintenanceSettings defaults() {
        return new MaintenanceSettings(10, 64L * 1024 * 1024, Duration.ofHours(1), 10, Duration.ofDays(1), Duration.ofHours(6),
                Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    public MaintenanceSettings {
        if (compactAfterCommits < 1 || retainLastSnapshots < 1) {
            throw new IllegalArgumentException("compactAfterCommits and retainLastSnapshots must be at least 1");
        }
    }
}
