package dev.lakehouse.contract;

/**
 * A heartbeat is a record without data on a source topic: only its timestamp counts. It advances event time on its
 * partition when no data follows (the end of a replay), so windows, sessions and SLA timers up to that time fire. The
 * jobs recognise it by this header and never write it to a table.
 */
public final class HeartbeatHeaders {
    public static final String HEARTBEAT = "lakehouse.heartbeat";

    private HeartbeatHeaders() {}
}
