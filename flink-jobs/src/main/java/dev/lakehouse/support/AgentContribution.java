package dev.lakehouse.support;

/**
 * What one version of a ticket adds to, or takes back from, its agent's figures. Sent by the ticket operator to
 * the agent operator only when the ticket itself changes, never when a watermark merely changes its urgency, so
 * every addition is matched by exactly one retraction of the same metrics.
 *
 * @param metrics the ticket's metrics; {@link AgentPerformance} reads only its watermark-independent columns
 * @param retract take back an earlier {@code add} of the same ticket version
 */
public record AgentContribution(SupportMetrics metrics, boolean retract) {

    public static AgentContribution add(SupportMetrics metrics) {
        return new AgentContribution(metrics, false);
    }

    public static AgentContribution retraction(SupportMetrics metrics) {
        return new AgentContribution(metrics, true);
    }

    public String agentId() {
        return metrics.agentId();
    }
}
