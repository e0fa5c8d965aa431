package dev.lakehouse.sessions;

import static dev.lakehouse.sessions.Events.T0;
import static dev.lakehouse.sessions.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/** The sessionizer's wake-ups: one timer per event while a session is open, and its state gone after the lateness. */
class SessionizerTimersTest {
    private static final SessionSettings SETTINGS = SessionSettings.defaults();
    private static final long GAP = SETTINGS.gap().toMillis();
    private static final long LATENESS = SETTINGS.allowedLateness().toMillis();

    @Test
    void anOpenSessionWaitsOnOneTimerPerEventAndIsForgottenAfterTheLateness() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<Tuple2<String, String>, CustomerEvent, RowData> harness = harness()) {
            harness.processElement(event("E1", T0, "page_view"), millis(0));
            harness.processElement(event("E2", T0.plusMinutes(5), "page_view"), millis(5));
            assertThat(harness.numEventTimeTimers()).as("a wake-up at each end + gap, no cleanup timer yet").isEqualTo(2);

            long end = millis(5);
            harness.processWatermark(end + GAP);
            assertThat(harness.extractOutputValues()).as("the session, written at end + gap").hasSize(1);
            assertThat(harness.numEventTimeTimers()).as("the cleanup timer, registered when the session was written").isEqualTo(1);
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

            harness.processWatermark(end + GAP + LATENESS);
            assertThat(harness.numEventTimeTimers()).isZero();
            assertThat(harness.numKeyedStateEntries()).as("the session forgotten after the allowed lateness").isZero();
            assertThat(harness.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void aLateEventThatCompletesASessionAtOnceStillGetsItsCleanup() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<Tuple2<String, String>, CustomerEvent, RowData> harness = harness()) {
            harness.processWatermark(millis(45));
            harness.processElement(event("E1", T0, "page_view"), millis(0));
            assertThat(harness.extractOutputValues()).as("complete on arrival: written at once").hasSize(1);
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);

            harness.processWatermark(millis(0) + GAP + LATENESS);
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    private static long millis(int minutesAfterT0) {
        return T0.plusMinutes(minutesAfterT0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static KeyedOneInputStreamOperatorTestHarness<Tuple2<String, String>, CustomerEvent, RowData> harness() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<Tuple2<String, String>, CustomerEvent, RowData> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new Sessionizer(SETTINGS)),
                        new SessionsPipeline.CustomerSession(), Types.TUPLE(Types.STRING, Types.STRING));
        harness.open();
        return harness;
    }
}
