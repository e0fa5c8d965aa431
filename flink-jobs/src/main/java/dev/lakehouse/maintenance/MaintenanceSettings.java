package dev.lakehouse.maintenance;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the lakehouse keeps its tables fast to read while they are streamed into. Tables written with deletes (upserts,
 * changelogs) and append-only tables differ only in how often they are compacted.
 *
 * @param compactAfterCommits expire snapshots of every table, and compact data files (applying their deletes) of a table
 *     written with deletes, after this many commits: every delete file costs every read until compaction applies it
 * @param compactAppendOnlyAfterCommits compact an append-only table, which only gathers small files, after this many
 *     commits. Compaction
 *     also rewrites its own earlier output while that is below three quarters of the target size, so the fewer the
 *     runs, the fewer times each row of a large append-only table (bronze, payment analysis) is rewritten: at one
 *     run every 10 commits it was the largest single item of a soak's CPU
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
        int compactAppendOnlyAfterCommits,
        long targetFileSizeBytes,
        Duration snapshotMaxAge,
        int retainLastSnapshots,
        Duration orphanFileMinAge,
        Duration orphanScanInterval,
        Duration danglingDeleteInterval,
        Duration minInterval) implements Serializable {

    public static MaintenanceSettings defaults() {
        return new MaintenanceSettings(10, 30, 64L * 1024 * 1024, Duration.ofHours(1), 10, Duration.ofDays(1), Duration.ofHours(6),
                Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    /** How many commits of {@code table} go between two compactions. */
    public int compactAfterCommits(MaintainedTable table) {
        return table.appendOnly() ? compactAppendOnlyAfterCommits : compactAfterCommits;
    }

    public MaintenanceSettings {
        if (compactAfterCommits < 1 || compactAppendOnlyAfterCommits < 1 || retainLastSnapshots < 1) {
            throw new IllegalArgumentException(
                    "compactAfterCommits, compactAppendOnlyAfterCommits and retainLastSnapshots must be at least 1");
        }
    }
}
