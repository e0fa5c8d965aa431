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

    private final LongSupplier currentSnapshotId;
    private long queriedSnapshotId = Long.MIN_VALUE;
    private long lastQueryNanos;
    private boolean queried;

    ProbeQueryGate(LongSupplier currentSnapshotId) {
        this.currentSnapshotId = currentSnapshotId;
    }

    /** Whether to query now; when it says yes, it counts the query as made at {@code nowNanos}. */
    boolean shouldQuery(long nowNanos) {
        long snapshot = currentSnapshotId.getAsLong();
        boolean due = !queried || snapshot != queriedSnapshotId || nowNanos - lastQueryNanos >= AT_LEAST_EVERY.toNanos();
        if (due) {
            queried = true;
            queriedSnapshotId = snapshot;
            lastQueryNanos = nowNanos;
        }
        return due;
    }
}
