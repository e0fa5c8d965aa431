package dev.lakehouse.stack.cli;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When the freshness benchmark asks Trino for its probes. A probe can only become visible with a new snapshot of the
 * gold table, so Trino is asked once per new snapshot (the check is one catalog call) instead of four times a second:
 * the full scan behind each poll took most of a core, on the machine whose freshness it measured. A query at least
 * every {@link #AT_LEAST_EVERY} covers a Trino that saw a snapshot later than the catalog call suggested.
 */
final class ProbeQueryGate {
    static final Duration AT_LEAST_EVERY = Duration.ofSeconds(5);

    /** No snapshot id: the first call always queries. */
    private static final long NEVER_QUERIED = Long.MIN_VALUE;

    private final LongSupplier currentSnapshotId;
    private long queriedSnapshotId = NEVER_QUERIED;
    private long lastQueryNanos;

    ProbeQueryGate(LongSupplier currentSnapshotId) {
        this.currentSnapshotId = currentSnapshotId;
    }

    /** Whether to query now; when it says yes, it counts the query as made at {@code nowNanos}. */
    boolean shouldQuery(long nowNanos) {
        long snapshot = currentSnapshotId.getAsLong();
        boolean due = snapshot != queriedSnapshotId || nowNanos - lastQueryNanos >= AT_LEAST_EVERY.toNanos();
        if (due) {
            queriedSnapshotId = snapshot;
            lastQueryNanos = nowNanos;
        }
        return due;
    }
}
