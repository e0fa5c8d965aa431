package dev.lakehouse.replay;

import java.time.Duration;

/**
 * A snapshot of a running replay.
 *
 * @param rowsSent rows published to the source topics so far
 * @param rowsRejected rows sent to the dead-letter topic so far
 * @param estimatedTotalRows rows the replay will send in all, estimated from the bytes read; -1 if unknown
 * @param eventTimeMillis event time of the last row sent; -1 before the first
 */
public record ReplayProgress(long rowsSent, long rowsRejected, long estimatedTotalRows, long eventTimeMillis,
                             Duration elapsed) {}
