package dev.lakehouse.stack.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The figures of one soak interval. A figure that could not be read this time (a REST call that timed out under load)
 * is {@link #UNAVAILABLE}; it is printed as {@code n/a} and left out of the boundedness verdicts.
 *
 * @param elapsed since the feed started
 * @param rowsSent by the feed so far
 * @param rowsPerSecond achieved by the feed during this interval
 * @param lag records in the topics that the job's consumer group has not committed (Flink commits on checkpoints)
 * @param stateBytes full state size of the lakehouse job's latest completed checkpoint
 * @param checkpointMillis end-to-end duration of that checkpoint
 * @param restarts of the lakehouse job since it was submitted
 * @param stateByOperator state size of each job vertex (operator chain) in that checkpoint, by vertex name: tells which
 *     operator's state grows
 */
public record SoakSample(Duration elapsed, long rowsSent, double rowsPerSecond, long lag, long stateBytes, long checkpointMillis,
        long restarts, List<ProcessFigures> processes, List<TableFiles> tables, Map<String, Long> stateByOperator) {
    public static final long UNAVAILABLE = -1;

    public SoakSample {
        processes = List.copyOf(processes);
        tables = List.copyOf(tables);
        stateByOperator = Map.copyOf(stateByOperator);
    }

    /**
     * Memory of one process of the stack.
     *
     * @param heapBytes heap in use; {@link #NOT_COLLECTED} for a process whose heap the soak does not read (Trino)
     * @param rssBytes resident set size, from /proc/&lt;pid&gt;/status
     */
    public record ProcessFigures(String name, long heapBytes, long rssBytes) {
        public static final long NOT_COLLECTED = -2;
    }

    /** Live files and retained snapshots of one table, from its current snapshot's summary and its metadata. */
    public record TableFiles(String table, long dataFiles, long deleteFiles, long snapshots) {}
}
