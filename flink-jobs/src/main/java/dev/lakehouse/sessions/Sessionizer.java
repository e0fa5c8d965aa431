package dev.lakehouse.sessions;

import dev.lakehouse.contract.Source;
import dev.lakehouse.late.LateEventRows;
import dev.lakehouse.late.LateReason;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Cuts the events of one (customer_id, session_id) pair into sessions and writes them as a changelog of
 * {@code silver.customer_sessions}, retractions included.
 *
 * <p>Not a Flink session window: a late event can move a session's start, which is part of the table key, or
 * merge two sessions, and a window cannot retract the row it wrote under the old key. Here every session of the
 * key is a {@link SessionSlot}; all times are event time (epoch ms) and W is the operator's watermark.
 * <ul>
 *   <li><b>Emit.</b> A session is written when W &ge; end + gap: no on-time event can reach it any more
 *       (a watermark W promises no event at or before W). First as INSERT.</li>
 *   <li><b>Late event.</b> An event with time &le; W is accepted while time &gt; W − allowed lateness. It joins,
 *       or merges, every session within the gap of it, exactly as an on-time event does. When the changed session
 *       is already complete (W &ge; end + gap) the correction is written at once, else when the watermark passes
 *       its new end + gap. A correction writes DELETE (with the old values) for every row it replaces under a
 *       different key, then, when a replaced row had the new key, UPDATE_BEFORE with that row's values and
 *       UPDATE_AFTER, else INSERT. The Iceberg sink turns each retraction into a delete (WriteMode.CHANGELOG),
 *       and the gold queries take the retractions as they come instead of keeping every session in state.</li>
 *   <li><b>Cleanup.</b> A session is forgotten when W &ge; end + gap + allowed lateness. An accepted event is
 *       newer than W − lateness, and so more than the gap after the end of every forgotten session: it can never
 *       belong to one, so forgetting never splits what a batch run would join.</li>
 *   <li><b>Too late.</b> An event with time &le; W − allowed lateness goes to {@code silver.late_events}
 *       (reason session_closed) and the {@code lateEvents} counter; it is never dropped silently.</li>
 * </ul>
 */
public class Sessionizer extends KeyedProcessFunction<Tuple2<String, String>, CustomerEvent, RowData> {
    /** Customer events the sessionizer could no longer place; rows of {@code silver.late_events}. */
    public static final OutputTag<RowData> LATE_EVENTS = new OutputTag<>("late-customer-events", LateEventRows.typeInfo());

    private final long gapMillis;
    private final long latenessMillis;

    private transient ListState<SessionSlot> slots;
    private transient Counter lateEvents;

    public Sessionizer(SessionSettings settings) {
        this.gapMillis = settings.gap().toMillis();
        this.latenessMillis = settings.allowedLateness().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        slots = getRuntimeContext().getListState(
                new ListStateDescriptor<>("sessions", TypeInformation.of(SessionSlot.class)));
        lateEvents = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(CustomerEvent event, Context ctx, Collector<RowData> out) throws Exception {
        long time = event.eventTimeMillis();
        long watermark = ctx.timerService().currentWatermark();
        if (time + latenessMillis <= watermark) {
            lateEvents.inc();
            ctx.output(LATE_EVENTS, LateEventRows.row(Source.CUSTOMER_EVENTS, event.eventId(), event.customerId(),
                    time, watermark, LateReason.SESSION_CLOSED, ctx.timerService().currentProcessingTime()));
            return;
        }

        List<SessionSlot> untouched = new ArrayList<>();
        List<SessionSlot> joined = new ArrayList<>();
        for (SessionSlot slot : slots.get()) {
            (slot.accepts(time, gapMillis) ? joined : untouched).add(slot);
        }
        SessionSlot session;
        if (joined.size() == 1 && !joined.get(0).written) {
            // The common case, an open session growing: no written row to keep, so no copy.
            session = joined.get(0);
            session.current.add(event);
        } else {
            session = joined.isEmpty() ? SessionSlot.of(event) : SessionSlot.merge(event, joined);
        }

        if (session.endMillis() + gapMillis <= watermark) {
            write(session, out);
            ctx.timerService().registerEventTimeTimer(cleanupTime(session));
        } else {
            // The cleanup timer is registered when the session is written: one timer per event instead of two,
            // each a RocksDB write and later a firing that reads every session of the key.
            ctx.timerService().registerEventTimeTimer(session.endMillis() + gapMillis);
        }
        untouched.add(session);
        slots.update(untouched);
    }

    /** Timers are only wake-ups: each firing looks at every session of the key, so stale timers are harmless. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        List<SessionSlot> kept = new ArrayList<>();
        boolean changed = false;
        for (SessionSlot slot : slots.get()) {
            boolean expired = cleanupTime(slot) <= watermark;
            if (!slot.written && slot.endMillis() + gapMillis <= watermark) {
                write(slot, out);
                if (!expired) {
                    ctx.timerService().registerEventTimeTimer(cleanupTime(slot));
                }
                changed = true;
            }
            if (expired) {
                changed = true;
            } else {
                kept.add(slot);
            }
        }
        if (!changed) {
            return;
        }
        if (kept.isEmpty()) {
            slots.clear();
        } else {
            slots.update(kept);
        }
    }

    private long cleanupTime(SessionSlot slot) {
        return slot.endMillis() + gapMillis + latenessMillis;
    }

    private static void write(SessionSlot slot, Collector<RowData> out) {
        long start = slot.current.startMillis;
        // Rows in the table have distinct keys, so at most one replaced row has the new start.
        SessionAccumulator sameKey = null;
        for (SessionAccumulator replaced : slot.superseded) {
            if (replaced.startMillis == start) {
                sameKey = replaced;
            } else {
                out.collect(SessionRows.row(RowKind.DELETE, replaced.toSummary()));
            }
        }
        if (sameKey != null) {
            out.collect(SessionRows.row(RowKind.UPDATE_BEFORE, sameKey.toSummary()));
        }
        out.collect(SessionRows.row(sameKey != null ? RowKind.UPDATE_AFTER : RowKind.INSERT, slot.current.toSummary()));
        slot.superseded = new ArrayList<>();
        slot.written = true;
    }
}
