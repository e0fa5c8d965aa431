package dev.lakehouse.sessions;

import static dev.lakehouse.sessions.Events.CUSTOMER;
import static dev.lakehouse.sessions.Events.SESSION;
import static dev.lakehouse.sessions.Events.T0;
import static dev.lakehouse.sessions.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.bronze.BronzeTypes;
import dev.lakehouse.late.LateEventTables;
import dev.lakehouse.testing.ChangelogTable;
import dev.lakehouse.testing.Collected;
import dev.lakehouse.testing.ContractRows;
import dev.lakehouse.testing.EveryEventWatermarks;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sessionizer on Flink's MiniCluster; watermarks follow every event so lateness is exact. */
class SessionsPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final SessionSettings SETTINGS = new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(1));
    /** Another customer whose events only move the watermark. */
    private static final String CLOCK_CUSTOMER = "CUST999999";

    @Test
    void eventsExactlyOneGapApartShareASessionOneSecondMoreSplitIt() throws Exception {
        Result result = run(Duration.ofMinutes(5),
                event("EVT1", T0, "page_view"),
                event("EVT2", T0.plusMinutes(30), "purchase"),
                event("EVT3", T0.plusMinutes(60).plusSeconds(1), "page_view"));

        assertThat(result.sessions().rows()).hasSize(2);
        Map<String, Object> first = result.sessions().row(CUSTOMER, SESSION, T0);
        assertThat(first).containsEntry("session_end", T0.plusMinutes(30))
                .containsEntry("session_duration_seconds", 1800L)
                .containsEntry("session_length_category", "long")
                .containsEntry("total_events", 2L)
                .containsEntry("converted", true)
                .containsEntry("bounce_session", false)
                .containsEntry("device_type", "desktop");
        assertThat(result.sessions().row(CUSTOMER, SESSION, T0.plusMinutes(60).plusSeconds(1)))
                .containsEntry("total_events", 1L)
                .containsEntry("bounce_session", true);
        assertThat(result.changes()).extracting(RowData::getRowKind).containsOnly(RowKind.INSERT);
        assertThat(result.lateEvents()).isEmpty();
    }

    @Test
    void lateEventMergesTwoWrittenSessions() throws Exception {
        Result result = run(Duration.ZERO,
                event("EVT1", T0, "page_view"),
                event("EVT2", T0.plusMinutes(50), "add_to_cart", "PROD00001"),
                clock(T0.plusMinutes(81)), // passes 12:50 + gap: both sessions are written
                event("EVT3", T0.plusMinutes(25), "product_view", "PROD00002")); // 12:25 > W − 1 h: accepted

        List<RowData> customerChanges = result.changesOf(CUSTOMER);
        assertThat(customerChanges).extracting(RowData::getRowKind)
                .containsExactly(RowKind.INSERT, RowKind.INSERT, RowKind.DELETE, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
        assertThat(customerChanges.get(2).getTimestamp(2, 6).toLocalDateTime())
                .as("the later session's row is deleted").isEqualTo(T0.plusMinutes(50));
        assertThat(result.sessions().rows()).filteredOn(row -> row.get("customer_id").equals(CUSTOMER)).hasSize(1);
        assertThat(result.sessions().row(CUSTOMER, SESSION, T0))
                .containsEntry("session_end", T0.plusMinutes(50))
                .containsEntry("total_events", 3L)
                .containsEntry("unique_event_types", 3L)
                .containsEntry("unique_products_viewed", 2L)
                .containsEntry("abandoned_cart", true);
        assertThat(result.lateEvents()).isEmpty();
    }

    @Test
    void lateEventBeforeTheStartMovesTheKey() throws Exception {
        Result result = run(Duration.ZERO,
                event("EVT1", T0, "page_view", null, "mobile", "email"),
                clock(T0.plusMinutes(45)),
                event("EVT0", T0.minusMinutes(10), "page_view", null, "tablet", "bing"));

        assertThat(result.changesOf(CUSTOMER)).extracting(RowData::getRowKind)
                .containsExactly(RowKind.INSERT, RowKind.DELETE, RowKind.INSERT);
        assertThat(result.sessions().row(CUSTOMER, SESSION, T0)).isNull();
        assertThat(result.sessions().row(CUSTOMER, SESSION, T0.minusMinutes(10)))
                .containsEntry("total_events", 2L)
                .containsEntry("device_type", "tablet")
                .containsEntry("referrer_source", "bing");
    }

    @Test
    void eventBeyondTheAllowedLatenessGoesToLateEvents() throws Exception {
        LocalDateTime clockTime = T0.plusHours(2);
        LocalDateTime watermark = clockTime.minusNanos(1_000_000);
        Result result = run(Duration.ZERO,
                event("EVT1", T0, "page_view"),
                clock(clockTime),
                event("EVT2", watermark.minus(SETTINGS.allowedLateness()), "purchase"), // lateness spent: late
                event("EVT3", T0.plusHours(1), "page_view")); // a millisecond less late: still a session

        assertThat(result.lateEvents()).singleElement().satisfies(late -> assertThat(late)
                .containsEntry("source", "customer_events")
                .containsEntry("record_key", "EVT2")
                .containsEntry("customer_id", CUSTOMER)
                .containsEntry("event_time", watermark.minus(SETTINGS.allowedLateness()))
                .containsEntry("watermark_at_arrival", watermark)
                .containsEntry("reason", "session_closed"));
        assertThat(result.sessions().row(CUSTOMER, SESSION, T0)).containsEntry("total_events", 1L);
        assertThat(result.sessions().row(CUSTOMER, SESSION, T0.plusHours(1))).containsEntry("total_events", 1L);
    }

    @Test
    void sessionStateIsAFlinkPojo() {
        ContractRows.assertFlinkPojoWithoutKryo(SessionSlot.class);
    }

    private static CustomerEvent clock(LocalDateTime time) {
        return new CustomerEvent("EVT-CLOCK-" + time, CLOCK_CUSTOMER, "SESS99999999", "page_view", time, "/", null, null,
                "direct", "desktop", "agent", "10.0.0.2");
    }

    private record Result(List<RowData> changes, ChangelogTable sessions, List<Map<String, Object>> lateEvents) {
        List<RowData> changesOf(String customerId) {
            return changes.stream().filter(row -> row.getString(0).toString().equals(customerId)).toList();
        }
    }

    private static Result run(Duration outOfOrderness, CustomerEvent... events) throws Exception {
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(1);
        DataStream<CustomerEvent> input = env.fromData(Arrays.asList(events))
                .assignTimestampsAndWatermarks(
                        EveryEventWatermarks.strategy(outOfOrderness, (event, previous) -> event.eventTimeMillis()));
        SessionsPipeline.Outputs outputs = SessionsPipeline.build(input, SETTINGS);
        List<List<RowData>> collected = Collected.run(env, outputs.sessions(), outputs.lateEvents());
        List<Map<String, Object>> late = collected.get(1).stream()
                .map(row -> ChangelogTable.values(BronzeTypes.rowType(LateEventTables.schema()), row))
                .toList();
        return new Result(collected.get(0),
                ChangelogTable.retracting(SessionTables.schema(), SessionTables.equalityColumns(), collected.get(0)), late);
    }
}
