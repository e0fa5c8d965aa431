package dev.lakehouse.support;

/**
 * Accumulates {@code silver.agent_performance} for one agent.
 *
 * <p>A ticket row is updated as it moves through its life (a response, a resolution, a score, even another
 * agent), so its earlier contribution must come out before the new one goes in: everything is kept as sums and
 * counts, which {@link #retract} can subtract. The caller keeps each ticket's last {@link SupportMetrics} and
 * retracts exactly that. Only columns that depend on the ticket alone are used, never the watermark-dependent
 * urgency, so a retraction always matches its addition. A Flink POJO: public no-arg constructor, public fields.
 */
public class AgentPerformance {
    public String agentId;
    public long ticketsHandled;
    public long firstResponseCount;
    public long firstResponseMinutesSum;
    public long resolutionCount;
    public long resolutionHoursSum;
    public long ticketsMeetingResolutionSla;
    public long satisfactionCount;
    public long satisfactionSum;
    public long satisfiedCount;
    public long unsatisfiedCount;

    public AgentPerformance() {}

    /** @throws IllegalArgumentException when the ticket has no agent or another agent than earlier ones */
    public AgentPerformance add(SupportMetrics metrics) {
        if (agentId == null) {
            agentId = requireAgent(metrics);
        }
        apply(metrics, 1);
        return this;
    }

    /**
     * Takes back a contribution made by {@link #add} with the same metrics.
     *
     * @throws IllegalStateException when no ticket is left to retract
     */
    public AgentPerformance retract(SupportMetrics metrics) {
        if (ticketsHandled == 0) {
            throw new IllegalStateException("nothing to retract for agent " + agentId);
        }
        apply(metrics, -1);
        return this;
    }

    public boolean isEmpty() {
        return ticketsHandled == 0;
    }

    private void apply(SupportMetrics metrics, int sign) {
        String agent = requireAgent(metrics);
        if (!agent.equals(agentId)) {
            throw new IllegalArgumentException("ticket of agent " + agent + " applied to agent " + agentId);
        }
        ticketsHandled += sign;
        if (metrics.firstResponseTimeMinutes() != null) {
            firstResponseCount += sign;
            firstResponseMinutesSum += sign * metrics.firstResponseTimeMinutes();
        }
        if (metrics.resolutionTimeHours() != null) {
            resolutionCount += sign;
            resolutionHoursSum += sign * metrics.resolutionTimeHours();
        }
        if (metrics.meetsResolutionSla()) {
            ticketsMeetingResolutionSla += sign;
        }
        Integer score = metrics.ticket().satisfactionScore();
        if (score != null) {
            satisfactionCount += sign;
            satisfactionSum += sign * score;
        }
        if (metrics.isSatisfiedCustomer()) {
            satisfiedCount += sign;
        }
        if (metrics.isUnsatisfiedCustomer()) {
            unsatisfiedCount += sign;
        }
    }

    private static String requireAgent(SupportMetrics metrics) {
        if (metrics.agentId() == null) {
            throw new IllegalArgumentException("ticket " + metrics.ticketId() + " has no agent");
        }
        return metrics.agentId();
    }

    public AgentPerformanceSummary toSummary() {
        return new AgentPerformanceSummary(
                agentId,
                ticketsHandled,
                average(firstResponseMinutesSum, firstResponseCount),
                average(resolutionHoursSum, resolutionCount),
                ticketsMeetingResolutionSla,
                average(satisfactionSum, satisfactionCount),
                satisfiedCount,
                unsatisfiedCount);
    }

    private static Double average(long sum, long count) {
        return count == 0 ? null : (double) sum / count;
    }
}
