package dev.lakehouse.sessions;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.data.RowData;

/**
 * Customer events → {@code silver.customer_sessions} and the events too late for it. The caller assigns event
 * timestamps and watermarks, so tests drive the same pipeline with hand-made watermarks.
 */
public final class SessionsPipeline {
    public static final String SESSIONIZER_UID = "sessions-sessionizer";

    private SessionsPipeline() {}

    /**
     * @param sessions upsert changelog of {@link SessionTables#CUSTOMER_SESSIONS} (INSERT, UPDATE_AFTER, DELETE)
     * @param lateEvents append-only rows of {@link dev.lakehouse.late.LateEventTables#LATE_EVENTS}
     */
    public record Outputs(DataStream<RowData> sessions, DataStream<RowData> lateEvents) {}

    public static Outputs build(DataStream<CustomerEvent> events, SessionSettings settings) {
        SingleOutputStreamOperator<RowData> sessions = events
                .keyBy(new CustomerSession())
                .process(new Sessionizer(settings), SessionRows.typeInfo())
                .uid(SESSIONIZER_UID)
                .name("Sessionize customer events");
        return new Outputs(sessions, sessions.getSideOutput(Sessionizer.LATE_EVENTS));
    }

    /** The (customer_id, session_id) pair: a session never spans two. */
    static final class CustomerSession implements KeySelector<CustomerEvent, Tuple2<String, String>> {
        @Override
        public Tuple2<String, String> getKey(CustomerEvent event) {
            return Tuple2.of(event.customerId(), event.sessionId());
        }
    }
}
