package dev.lakehouse.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a finished replay.
 *
 * @param rowsPerTopic rows published per source topic, in source order (sources without a file are absent)
 * @param rejectedRows rows that broke the contract and went to the dead-letter topic
 * @param skippedFiles contract files not found in the seeds folder
 * @param firstEventTime event time of the first row sent, empty if none was
 * @param interrupted the replay thread was interrupted and stopped early (rows sent so far were flushed)
 */
public record ReplaySummary(Map<String, Long> rowsPerTopic, long rejectedRows, List<String> skippedFiles,
                            Duration elapsed, Optional<Instant> firstEventTime, Optional<Instant> lastEventTime,
                            boolean interrupted) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public ReplaySummary {
        rowsPerTopic = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTopic));
        skippedFiles = List.copyOf(skippedFiles);
    }

    public long rowsSent() {
        return rowsPerTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows published to source topics per wall-clock second. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? rowsSent() / seconds : 0;
    }

    /** A few lines for a human: rows per topic, rejected rows, rate, wall time, event-time range. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        rowsPerTopic.forEach((topic, rows) -> text.append(String.format("  %-32s %,12d rows%n", topic, rows)));
        text.append(String.format("  %-32s %,12d rows%n", "rejected (dead-letter topic)", rejectedRows));
        for (String file : skippedFiles) {
            text.append(String.format("  skipped: %s (not found)%n", file));
        }
        text.append(String.format("  %,d rows in %.1f s: %,.0f rows/s%s%n", rowsSent(), elapsed.toNanos() / 1e9,
                rowsPerSecond(), interrupted ? " (interrupted)" : ""));
        if (firstEventTime.isPresent() && lastEventTime.isPresent()) {
            text.append(String.format("  event time %s .. %s UTC%n", TIME.format(firstEventTime.get()),
                    TIME.format(lastEventTime.get())));
        }
        return text.toString();
    }
}
