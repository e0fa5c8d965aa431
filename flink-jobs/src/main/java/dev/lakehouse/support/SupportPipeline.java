package dev.lakehouse.support;

import dev.lakehouse.iceberg.SilverSchemas;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.data.RowData;

/** Support tickets → the changelogs of the three support tables. */
public final class SupportPipeline {
    public static final String TICKET_SLA_UID = "support-ticket-sla";
    public static final String AGENT_PERFORMANCE_UID = "support-agent-performance";

    private SupportPipeline() {}

    /**
     * @param metrics upserts of {@code silver.support_metrics}
     * @param breaches appends to {@code silver.sla_breaches}
     * @param agents upserts and deletes of {@code silver.agent_performance}
     */
    public record Streams(DataStream<RowData> metrics, DataStream<RowData> breaches, DataStream<RowData> agents) {}

    /** @param tickets de-duplicated tickets with event-time timestamps (created_timestamp) and watermarks */
    public static Streams build(DataStream<SupportTicket> tickets, SupportSettings settings) {
        SingleOutputStreamOperator<RowData> metrics = tickets
                .keyBy(SupportTicket::ticketId, Types.STRING)
                .process(new TicketSlaFunction(settings), SilverSchemas.rowTypeInfo(SupportTables.supportMetricsSchema()))
                .uid(TICKET_SLA_UID)
                .name("Ticket metrics and SLA timers");
        DataStream<RowData> agents = metrics.getSideOutput(TicketSlaFunction.AGENT_CONTRIBUTIONS)
                .keyBy(AgentContribution::agentId, Types.STRING)
                .process(new AgentPerformanceFunction(),
                        SilverSchemas.rowTypeInfo(SupportTables.agentPerformanceSchema()))
                .uid(AGENT_PERFORMANCE_UID)
                .name("Agent performance");
        return new Streams(metrics, metrics.getSideOutput(TicketSlaFunction.BREACHES), agents);
    }
}
