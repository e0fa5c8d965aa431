package dev.lakehouse.support;

import static dev.lakehouse.support.Tickets.CREATED;
import static dev.lakehouse.support.Tickets.millis;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/** How long the SLA operator keeps a ticket: until its retention after the last deadline, then nothing is left. */
class TicketSlaStateTest {
    private static final Duration RETENTION = Duration.ofDays(1);
    /** Urgent: resolution due by 16:00, the last deadline. */
    private static final long RESOLUTION_DUE = millis(CREATED.plusHours(4)) + 1;
    private static final long FORGET_AT = RESOLUTION_DUE + RETENTION.toMillis();

    @Test
    void anUnansweredTicketBreachesBothDeadlinesAndIsForgottenAfterTheRetention() throws Exception {
        try (var harness = harness(new SupportSettings(RETENTION))) {
            harness.processElement(Tickets.open("urgent"), millis(CREATED));
            assertThat(harness.numEventTimeTimers()).as("response, resolution, forget").isEqualTo(3);

            harness.processWatermark(FORGET_AT - 1);
            assertThat(harness.getSideOutput(TicketSlaFunction.BREACHES)).hasSize(2);
            assertThat(harness.numKeyedStateEntries()).as("kept until the retention ends").isPositive();

            harness.processWatermark(FORGET_AT);
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
            assertThat(harness.getSideOutput(TicketSlaFunction.BREACHES)).as("no breach written again").hasSize(2);
        }
    }

    @Test
    void aTicketResolvedInTimeWaitsOnlyForItsForgetTimer() throws Exception {
        try (var harness = harness(new SupportSettings(RETENTION))) {
            harness.processElement(Tickets.resolved("urgent", CREATED.plusHours(1)), millis(CREATED));
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);

            harness.processWatermark(FORGET_AT);
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.getSideOutput(TicketSlaFunction.BREACHES)).isNull();
        }
    }

    @Test
    void aVersionArrivingWithinTheRetentionUpdatesTheRowAndOneAfterItCountsAsNew() throws Exception {
        try (var harness = harness(new SupportSettings(RETENTION))) {
            harness.processElement(Tickets.resolved("urgent", CREATED.plusHours(1)), millis(CREATED));
            harness.processWatermark(FORGET_AT - 1);
            harness.processElement(Tickets.resolved("urgent", CREATED.plusHours(2)), millis(CREATED));
            harness.processWatermark(FORGET_AT);
            harness.processElement(Tickets.resolved("urgent", CREATED.plusHours(3)), millis(CREATED));

            assertThat(harness.extractOutputValues()).extracting(RowData::getRowKind)
                    .containsExactly(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.INSERT);
        }
    }

    @Test
    void aZeroRetentionKeepsTheTicketForever() throws Exception {
        try (var harness = harness(new SupportSettings(Duration.ZERO))) {
            harness.processElement(Tickets.resolved("urgent", CREATED.plusHours(1)), millis(CREATED));
            assertThat(harness.numEventTimeTimers()).isZero();

            harness.processWatermark(Long.MAX_VALUE);
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SupportTicket, RowData> harness(SupportSettings settings)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SupportTicket, RowData> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new TicketSlaFunction(settings)),
                        SupportTicket::ticketId, Types.STRING);
        harness.open();
        return harness;
    }
}
