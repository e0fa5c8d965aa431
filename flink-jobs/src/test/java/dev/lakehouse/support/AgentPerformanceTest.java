package dev.lakehouse.support;

import static dev.lakehouse.support.Tickets.CREATED;
import static dev.lakehouse.support.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.testing.ContractRows;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AgentPerformanceTest {
    private static final long WATERMARK = Tickets.millis(CREATED.plusYears(1));

    /** Urgent: responded after 10 min, resolved after 3 h (meets), score 5. */
    private static final SupportMetrics FAST = metrics("TKT1", "resolved", CREATED.plusMinutes(10),
            CREATED.plusHours(3), 5);
    /** Urgent: responded after 30 min, resolved after 5 h (misses), score 1. */
    private static final SupportMetrics SLOW = metrics("TKT2", "closed", CREATED.plusMinutes(30),
            CREATED.plusHours(5), 1);
    /** Urgent, in progress: responded after 20 min, nothing else yet. */
    private static final SupportMetrics PENDING = metrics("TKT3", "in_progress", CREATED.plusMinutes(20), null, null);

    @Test
    void summarizesTheTicketsAdded() {
        AgentPerformanceSummary summary = new AgentPerformance().add(FAST).add(SLOW).add(PENDING).toSummary();

        assertThat(summary).isEqualTo(new AgentPerformanceSummary("AGT01", 3, 20.0, 4.0, 1, 3.0, 1, 1));
    }

    @Test
    void averagesAreNullWithoutFigures() {
        AgentPerformanceSummary summary = new AgentPerformance()
                .add(metrics("TKT4", "in_progress", null, null, null)).toSummary();

        assertThat(summary).isEqualTo(new AgentPerformanceSummary("AGT01", 1, null, null, 0, null, 0, 0));
    }

    @Test
    void retractTakesBackExactlyWhatAddPutIn() {
        AgentPerformance performance = new AgentPerformance().add(FAST).add(SLOW);

        performance.retract(SLOW);

        assertThat(performance.toSummary()).isEqualTo(new AgentPerformance().add(FAST).toSummary());
    }

    @Test
    void retractingEverythingLeavesAnEmptyAgent() {
        AgentPerformance performance = new AgentPerformance().add(FAST).add(SLOW).retract(FAST).retract(SLOW);

        assertThat(performance.isEmpty()).isTrue();
        assertThat(performance.toSummary()).isEqualTo(new AgentPerformanceSummary("AGT01", 0, null, null, 0, null, 0, 0));
    }

    @Test
    void anUpdatedTicketReplacesItsEarlierContribution() {
        SupportMetrics resolvedLater = metrics("TKT3", "resolved", CREATED.plusMinutes(20), CREATED.plusHours(2), 4);
        AgentPerformance performance = new AgentPerformance().add(FAST).add(PENDING);

        performance.retract(PENDING).add(resolvedLater);

        assertThat(performance.toSummary()).isEqualTo(new AgentPerformance().add(FAST).add(resolvedLater).toSummary());
        assertThat(performance.toSummary().ticketsHandled()).isEqualTo(2);
    }

    @Test
    void retractFromAnEmptyAgentIsRefused() {
        assertThatThrownBy(() -> new AgentPerformance().retract(FAST)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ticketsOfAnotherAgentOrOfNoAgentAreRefused() {
        AgentPerformance performance = new AgentPerformance().add(FAST);
        SupportMetrics otherAgent = SupportMetrics.of(ticket("TKT9", "low", "closed", null, null, "AGT02", 3, "chat"),
                WATERMARK);
        SupportMetrics noAgent = SupportMetrics.of(ticket("TKT9", "low", "open", null, null, null, null, "chat"),
                WATERMARK);

        assertThatThrownBy(() -> performance.add(otherAgent)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> performance.retract(otherAgent)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgentPerformance().add(noAgent)).isInstanceOf(IllegalArgumentException.class);
        assertThat(performance.toSummary()).isEqualTo(new AgentPerformance().add(FAST).toSummary());
    }

    @Test
    void isAFlinkPojoWithoutKryoFields() {
        ContractRows.assertFlinkPojoWithoutKryo(AgentPerformance.class);
    }

    private static SupportMetrics metrics(String id, String status, LocalDateTime response, LocalDateTime resolution,
            Integer score) {
        return SupportMetrics.of(ticket(id, "urgent", status, response, resolution, "AGT01", score, "chat"), WATERMARK);
    }
}
