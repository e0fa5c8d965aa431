package dev.lakehouse.support;

import static dev.lakehouse.iceberg.RowValues.string;
import static dev.lakehouse.iceberg.RowValues.timestamp;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;

/** Flink rows of the support tables, in the column order of {@link SupportTables}. */
public final class SupportRows {
    private SupportRows() {}

    public static RowData supportMetrics(SupportMetrics metrics, RowKind kind) {
        SupportTicket t = metrics.ticket();
        return GenericRowData.ofKind(kind,
                string(t.ticketId()),
                string(t.customerId()),
                string(t.orderId()),
                string(t.ticketType()),
                string(t.priority()),
                string(t.status()),
                timestamp(t.createdTimestamp()),
                timestamp(t.firstResponseTimestamp()),
                timestamp(t.resolutionTimestamp()),
                string(t.agentId()),
                t.satisfactionScore(),
                string(t.subject()),
                string(t.channel()),
                metrics.firstResponseTimeMinutes(),
                metrics.resolutionTimeHours(),
                metrics.meetsResponseSla(),
                metrics.meetsResolutionSla(),
                metrics.isSatisfiedCustomer(),
                metrics.isUnsatisfiedCustomer(),
                string(metrics.channelType().code()),
                string(metrics.ticketUrgencyStatus().code()));
    }

    public static RowData slaBreach(SlaBreach breach) {
        return GenericRowData.of(
                string(breach.ticketId()),
                string(breach.customerId()),
                string(breach.priority()),
                string(breach.breachType().code()),
                timestamp(breach.deadline()),
                timestamp(breach.detectedAt()));
    }

    public static RowData agentPerformance(AgentPerformanceSummary summary, RowKind kind) {
        return GenericRowData.ofKind(kind,
                string(summary.agentId()),
                summary.ticketsHandled(),
                summary.avgFirstResponseMinutes(),
                summary.avgResolutionHours(),
                summary.ticketsMeetingResolutionSla(),
                summary.avgSatisfaction(),
                summary.satisfiedCount(),
                summary.unsatisfiedCount());
    }
}
