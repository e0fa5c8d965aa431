package dev.lakehouse.support;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * One agent (keyed by agent_id): applies the contributions of its tickets and writes the agent's row. A
 * ticket's retraction and its later additions come from the same ticket subtask, so they arrive in order. An
 * agent whose last ticket moved to another agent is deleted, as the batch answer would not list it.
 */
class AgentPerformanceFunction extends KeyedProcessFunction<String, AgentContribution, RowData> {
    private transient ValueState<AgentPerformance> performance;

    @Override
    public void open(OpenContext openContext) {
        performance = getRuntimeContext().getState(new ValueStateDescriptor<>("agent-performance", AgentPerformance.class));
    }

    @Override
    public void processElement(AgentContribution contribution, Context ctx, Collector<RowData> out) throws Exception {
        AgentPerformance current = performance.value();
        boolean firstTicket = current == null;
        AgentPerformance updated = firstTicket ? new AgentPerformance() : current;
        if (contribution.retract()) {
            updated.retract(contribution.metrics());
        } else {
            updated.add(contribution.metrics());
        }
        if (updated.isEmpty()) {
            performance.clear();
            out.collect(SupportRows.agentPerformance(updated.toSummary(), RowKind.DELETE));
            return;
        }
        performance.update(updated);
        out.collect(SupportRows.agentPerformance(updated.toSummary(), firstTicket ? RowKind.INSERT : RowKind.UPDATE_AFTER));
    }
}
