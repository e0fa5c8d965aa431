package dev.lakehouse.support;

import dev.lakehouse.flink.RecordTypes;
import dev.lakehouse.iceberg.SilverSchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One ticket (keyed by ticket_id): writes its {@code support_metrics} row, watches its SLA deadlines with
 * event-time timers and tells the agent operator what the ticket contributes.
 *
 * <ul>
 *   <li>A ticket version that differs from the stored one replaces it (last arrival wins) and is re-evaluated;
 *       the same version again (a replay) writes nothing.
 *   <li>Metrics are computed at the current watermark on arrival, and again at a timer when the urgency steps
 *       to Overdue there.
 *   <li>At a timer, breaches are judged on the version stored then, so a response that was in time counts even
 *       when its version arrived after the original ticket. A version arriving after its deadline's timer fired
 *       cannot undo a breach row: the table is append-only.
 *   <li>detected_at is the timer's timestamp (deadline + 1 ms, the first watermark past the deadline), not the
 *       watermark that fired it: the same on every replay, whatever the watermark granularity.
 * </ul>
 *
 * <p>State per ticket: the ticket (the upsert row and the agent retraction need it) and one flag per breach type,
 * so a breach is written once per ticket and type even when an update or a restore re-registers a timer that
 * already fired. Timers are deleted when a version replaces the one that registered them, and are only
 * registered while a deadline can still matter (see {@link SlaTimers}). The state is forgotten at an event-time
 * timer {@link SupportSettings#ticketRetention} after the ticket's last deadline: kept for ever, it grew with
 * every ticket (a soak's largest state growth).
 */
class TicketSlaFunction extends KeyedProcessFunction<String, SupportTicket, RowData> {
    static final OutputTag<RowData> BREACHES =
            new OutputTag<>("sla-breaches", SilverSchemas.rowTypeInfo(SupportTables.slaBreachesSchema()));
    static final OutputTag<AgentContribution> AGENT_CONTRIBUTIONS =
            new OutputTag<>("agent-contributions", RecordTypes.of(AgentContribution.class));

    /** 0: never forget. */
    private final long retentionMillis;

    private transient ValueState<SupportTicket> ticket;
    private transient ValueState<Boolean> responseBreachReported;
    private transient ValueState<Boolean> resolutionBreachReported;

    TicketSlaFunction(SupportSettings settings) {
        this.retentionMillis = settings.ticketRetention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        ticket = getRuntimeContext().getState(new ValueStateDescriptor<>("ticket", RecordTypes.of(SupportTicket.class)));
        responseBreachReported = getRuntimeContext().getState(
                new ValueStateDescriptor<>("response-breach-reported", Boolean.class));
        resolutionBreachReported = getRuntimeContext().getState(
                new ValueStateDescriptor<>("resolution-breach-reported", Boolean.class));
    }

    @Override
    public void processElement(SupportTicket incoming, Context ctx, Collector<RowData> out) throws Exception {
        SupportTicket previous = ticket.value();
        if (incoming.equals(previous)) {
            return;
        }
        ticket.update(incoming);
        if (previous != null) {
            timers(previous).forEach(ctx.timerService()::deleteEventTimeTimer);
        }
        timers(incoming).forEach(ctx.timerService()::registerEventTimeTimer);

        long watermark = ctx.timerService().currentWatermark();
        SupportMetrics metrics = SupportMetrics.of(incoming, watermark);
        out.collect(SupportRows.supportMetrics(metrics, previous == null ? RowKind.INSERT : RowKind.UPDATE_AFTER));
        if (previous != null && previous.agentId() != null) {
            ctx.output(AGENT_CONTRIBUTIONS, AgentContribution.retraction(SupportMetrics.of(previous, watermark)));
        }
        if (incoming.agentId() != null) {
            ctx.output(AGENT_CONTRIBUTIONS, AgentContribution.add(metrics));
        }
    }

    /** The SLA timers, then the one that forgets the ticket. */
    private List<Long> timers(SupportTicket version) {
        List<Long> timers = new ArrayList<>(SlaTimers.of(version));
        if (retentionMillis > 0) {
            timers.add(SlaTimers.forgetAt(version, retentionMillis));
        }
        return timers;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
        SupportTicket current = ticket.value();
        if (retentionMillis > 0 && timestamp >= SlaTimers.forgetAt(current, retentionMillis)) {
            // Timers fire in time order, so every SLA timer of the ticket fired before this one.
            ticket.clear();
            responseBreachReported.clear();
            resolutionBreachReported.clear();
            return;
        }
        for (SlaBreach breach : SlaBreach.breachesDue(current, timestamp)) {
            ValueState<Boolean> reported = reportedFlag(breach.breachType());
            if (reported.value() == null) {
                reported.update(Boolean.TRUE);
                ctx.output(BREACHES, SupportRows.slaBreach(breach));
            }
        }
        if (SlaTimers.urgencyChangesAt(current, timestamp)) {
            out.collect(SupportRows.supportMetrics(SupportMetrics.of(current, timestamp), RowKind.UPDATE_AFTER));
        }
    }

    private ValueState<Boolean> reportedFlag(BreachType type) {
        return switch (type) {
            case RESPONSE -> responseBreachReported;
            case RESOLUTION -> resolutionBreachReported;
        };
    }
}
