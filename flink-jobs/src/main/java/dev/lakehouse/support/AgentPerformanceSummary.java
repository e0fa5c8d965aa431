package dev.lakehouse.support;

/**
 * One row of {@code silver.agent_performance}, key agent_id. Each average is over the tickets that have the
 * figure, {@code null} when none has it.
 */
public record AgentPerformanceSummary(
        String agentId,
        long ticketsHandled,
        Double avgFirstResponseMinutes,
        Double avgResolutionHours,
        long ticketsMeetingResolutionSla,
        Double avgSatisfaction,
        long satisfiedCount,
        long unsatisfiedCount) {}
