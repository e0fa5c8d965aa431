package dev.lakehouse.gold;

import static dev.lakehouse.gold.GoldRows.event;
import static dev.lakehouse.gold.GoldRows.health;
import static dev.lakehouse.gold.GoldRows.payment;
import static dev.lakehouse.gold.GoldRows.session;
import static dev.lakehouse.gold.GoldRows.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.testing.Changelog;
import dev.lakehouse.testing.CollectedStreams;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gold pipeline on Flink's MiniCluster over hand-made inputs, its changelogs applied as the Iceberg upsert
 * sink applies them. One run serves every test: the planner and the cluster are the slow part.
 */
class GoldPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String VIP = "CUST000001";
    private static final String TWO_BIG_PAYMENTS = "CUST000002";
    private static final String FAILING = "CUST000003";
    private static final String FAILING_EXACTLY_30_PERCENT = "CUST000004";
    private static final String TICKETS_ONLY = "CUST000005";
    private static final String UNSATISFIED = "CUST000006";

    private static final String IN_EVENTS_AND_INVENTORY = "PROD00001";
    private static final String IN_EVENTS_ONLY = "PROD00002";
    private static final String IN_INVENTORY_ONLY = "PROD00003";

    private static final LocalDate SESSIONS_AND_PAYMENTS_DAY = LocalDate.of(2024, 3, 1);
    private static final LocalDate DELETED_SESSION_DAY = LocalDate.of(2024, 3, 2);
    private static final LocalDate PAYMENTS_DAY = LocalDate.of(2024, 3, 5);
    private static final LocalDate TICKETS_DAY = LocalDate.of(2024, 3, 10);

    private static Changelog customers;
    private static Changelog days;
    private static Changelog products;
    private static List<RowData> allRows;

    @BeforeAll
    static void runPipeline() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        GoldStreams gold = GoldPipeline.build(StreamTableEnvironment.create(env),
                GoldFixtures.inputs(env, events(), payments(), tickets(), sessions(), inventory()));

        List<List<RowData>> collected = CollectedStreams.run(env,
                gold.customerSummary().rows(), gold.dailyMetrics().rows(), gold.productSummary().rows());

        customers = apply(gold.customerSummary(), collected.get(0));
        days = apply(gold.dailyMetrics(), collected.get(1));
        products = apply(gold.productSummary(), collected.get(2));
        allRows = collected.stream().flatMap(List::stream).toList();
    }

    // ----------------------------------------------------------------------------------- customer_summary

    @Test
    void everyCustomerOfAnySourceHasARow() {
        assertThat(customers.rows().keySet()).containsExactlyInAnyOrder(List.of(VIP), List.of(TWO_BIG_PAYMENTS),
                List.of(FAILING), List.of(FAILING_EXACTLY_30_PERCENT), List.of(TICKETS_ONLY), List.of(UNSATISFIED));
    }

    @Test
    void aCustomerWithOnlyTicketsHasZeroCountsAndNullAverages() {
        assertThat(customers.row(TICKETS_ONLY))
                .containsEntry("total_sessions", 0L)
                .containsEntry("avg_session_duration_seconds", null)
                .containsEntry("total_events", 0L)
                .containsEntry("conversion_rate", 0.0)
                .containsEntry("total_transactions", 0L)
                .containsEntry("total_revenue", new BigDecimal("0.00"))
                .containsEntry("avg_transaction_amount", null)
                .containsEntry("total_support_tickets", 2L)
                .containsEntry("avg_satisfaction_score", 4.5)
                .containsEntry("last_activity_at", LocalDateTime.of(2024, 3, 10, 10, 0))
                .containsEntry("customer_segment", "Regular");
    }

    @Test
    void threeCompletedTransactionsOfExactly5000AreVip() {
        Map<String, Object> vip = customers.row(VIP);

        assertThat(vip)
                .containsEntry("total_transactions", 4L)
                .containsEntry("total_revenue", new BigDecimal("5000.00"))
                .containsEntry("customer_segment", "VIP");
        assertThat((Double) vip.get("avg_transaction_amount")).isCloseTo(5000.0 / 3, within(1e-9));
        assertThat(customers.row(TWO_BIG_PAYMENTS))
                .containsEntry("total_revenue", new BigDecimal("5000.00"))
                .containsEntry("customer_segment", "Regular");
    }

    @Test
    void aFailureRateAboveThirtyPercentIsAtRiskButExactlyThirtyIsNot() {
        assertThat(customers.row(FAILING)).containsEntry("total_transactions", 10L).containsEntry("customer_segment", "At-Risk");
        assertThat(customers.row(FAILING_EXACTLY_30_PERCENT))
                .containsEntry("total_transactions", 10L)
                .containsEntry("customer_segment", "Regular");
    }

    @Test
    void anAverageSatisfactionOfTwoIsAtRisk() {
        assertThat(customers.row(UNSATISFIED))
                .containsEntry("avg_satisfaction_score", 2.0)
                .containsEntry("customer_segment", "At-Risk");
    }

    @Test
    void aSessionDeletedByTheChangelogIsNotCountedAndAnUpdatedOneCountsWithItsLatestFigures() {
        // S1 (600 s, 5 events, converted) and S3 as updated (1200 s, 4 events); S2 was deleted
        assertThat(customers.row(VIP))
                .containsEntry("total_sessions", 2L)
                .containsEntry("avg_session_duration_seconds", 900.0)
                .containsEntry("total_events", 9L)
                .containsEntry("conversion_rate", 0.5)
                // the deleted session's event still counts as activity: events are read from bronze
                .containsEntry("last_activity_at", LocalDateTime.of(2024, 3, 2, 12, 0));
    }

    // --------------------------------------------------------------------------------------- daily_metrics

    @Test
    void aDayExistsOnlyWithASessionStartATransactionOrATicket() {
        assertThat(days.rows().keySet()).containsExactlyInAnyOrder(List.of(SESSIONS_AND_PAYMENTS_DAY),
                List.of(PAYMENTS_DAY), List.of(TICKETS_DAY));
        assertThat(days.row(DELETED_SESSION_DAY)).isNull();
    }

    @Test
    void aDayOfSessionsAndPayments() {
        Map<String, Object> day = days.row(SESSIONS_AND_PAYMENTS_DAY);

        assertThat(day)
                .containsEntry("total_sessions", 3L)
                .containsEntry("unique_customers", 2L)
                .containsEntry("avg_session_duration_seconds", (600.0 + 1200 + 30) / 3)
                .containsEntry("total_transactions", 4L)
                .containsEntry("successful_transactions", 3L)
                .containsEntry("daily_revenue", new BigDecimal("5000.00"))
                .containsEntry("avg_risk_score", 40.0)
                .containsEntry("fraud_flag_count", 1L)
                .containsEntry("total_tickets", 0L)
                .containsEntry("avg_response_time_hours", 0.0)
                .containsEntry("avg_resolution_time_hours", 0.0);
        assertThat((Double) day.get("avg_order_value")).isCloseTo(5000.0 / 3, within(1e-9));
    }

    @Test
    void aDayOfPaymentsWithoutRiskScores() {
        assertThat(days.row(PAYMENTS_DAY))
                .containsEntry("total_sessions", 0L)
                .containsEntry("unique_customers", 0L)
                .containsEntry("avg_session_duration_seconds", 0.0)
                .containsEntry("total_transactions", 22L)
                .containsEntry("successful_transactions", 15L)
                .containsEntry("daily_revenue", new BigDecimal("5130.00"))
                .containsEntry("avg_order_value", 342.0)
                .containsEntry("avg_risk_score", 0.0)
                .containsEntry("fraud_flag_count", 0L);
    }

    @Test
    void aDayWithOnlyTicketsCountsWholeMinutesAndWholeHoursTruncated() {
        // responses after 1 min 59 s (1 minute) and 30 min; resolutions after 59 min (0 hours) and 2 h 59 min 59 s (2)
        assertThat(days.row(TICKETS_DAY))
                .containsEntry("total_sessions", 0L)
                .containsEntry("total_transactions", 0L)
                .containsEntry("daily_revenue", new BigDecimal("0.00"))
                .containsEntry("avg_order_value", 0.0)
                .containsEntry("total_tickets", 3L)
                .containsEntry("avg_response_time_hours", 31 / 120.0)
                .containsEntry("avg_resolution_time_hours", 1.0);
    }

    // ------------------------------------------------------------------------------------- product_summary

    @Test
    void aProductInEventsAndInventory() {
        // WH001 updated to 40 on hand, 30 available (needs a reorder at 50); WH002 200 / 200 / 100
        assertThat(products.row(IN_EVENTS_AND_INVENTORY))
                .containsEntry("total_events", 3L)
                .containsEntry("product_views", 2L)
                .containsEntry("cart_adds", 1L)
                .containsEntry("unique_customers", 2L)
                .containsEntry("total_sessions", 2L)
                .containsEntry("avg_quantity_on_hand", 120.0)
                .containsEntry("avg_reorder_point", 75.0)
                .containsEntry("current_stock_level", 230L)
                .containsEntry("needs_reorder", true);
    }

    @Test
    void aProductOnlyInInventoryHasZeroEventFigures() {
        assertThat(products.row(IN_INVENTORY_ONLY))
                .containsEntry("total_events", 0L)
                .containsEntry("product_views", 0L)
                .containsEntry("unique_customers", 0L)
                .containsEntry("total_sessions", 0L)
                .containsEntry("avg_quantity_on_hand", 10.0)
                .containsEntry("avg_reorder_point", 5.0)
                .containsEntry("current_stock_level", 10L)
                .containsEntry("needs_reorder", false);
    }

    @Test
    void aProductOnlyInEventsHasZeroInventoryFigures() {
        assertThat(products.row(IN_EVENTS_ONLY))
                .containsEntry("total_events", 1L)
                .containsEntry("product_views", 1L)
                .containsEntry("cart_adds", 0L)
                .containsEntry("unique_customers", 1L)
                .containsEntry("total_sessions", 1L)
                .containsEntry("avg_quantity_on_hand", 0.0)
                .containsEntry("avg_reorder_point", 0.0)
                .containsEntry("current_stock_level", 0L)
                .containsEntry("needs_reorder", false);
        assertThat(products.rows()).hasSize(3);
    }

    @Test
    void theChangelogsCarryNoUpdateBefore() {
        assertThat(allRows).extracting(RowData::getRowKind).doesNotContain(RowKind.UPDATE_BEFORE);
    }

    // ------------------------------------------------------------------------------------------ inputs

    private static List<RowData> events() {
        return List.of(
                event("EVT000000001", VIP, "SESS0001", "product_view", "2024-03-01 10:00:00", IN_EVENTS_AND_INVENTORY),
                event("EVT000000002", VIP, "SESS0001", "add_to_cart", "2024-03-01 10:05:00", IN_EVENTS_AND_INVENTORY),
                event("EVT000000003", VIP, "SESS0001", "page_view", "2024-03-01 10:10:00", null),
                event("EVT000000004", FAILING, "SESS0004", "product_view", "2024-03-01 09:00:00", IN_EVENTS_AND_INVENTORY),
                event("EVT000000005", VIP, "SESS0003", "product_view", "2024-03-01 14:20:00", IN_EVENTS_ONLY),
                event("EVT000000006", VIP, "SESS0002", "page_view", "2024-03-02 12:00:00", null));
    }

    private static List<RowData> sessions() {
        return List.of(
                session(RowKind.INSERT, FAILING, "SESS0004", "2024-03-01 09:00:00", "2024-03-01 09:00:30", 1, false),
                session(RowKind.INSERT, VIP, "SESS0001", "2024-03-01 10:00:00", "2024-03-01 10:10:00", 5, true),
                session(RowKind.INSERT, VIP, "SESS0002", "2024-03-02 12:00:00", "2024-03-02 12:00:00", 1, false),
                session(RowKind.INSERT, VIP, "SESS0003", "2024-03-01 14:00:00", "2024-03-01 14:01:00", 2, false),
                session(RowKind.UPDATE_BEFORE, VIP, "SESS0003", "2024-03-01 14:00:00", "2024-03-01 14:01:00", 2, false),
                session(RowKind.UPDATE_AFTER, VIP, "SESS0003", "2024-03-01 14:00:00", "2024-03-01 14:20:00", 4, false),
                session(RowKind.DELETE, VIP, "SESS0002", "2024-03-02 12:00:00", "2024-03-02 12:00:00", 1, false));
    }

    private static List<RowData> payments() {
        List<RowData> rows = new ArrayList<>(List.of(
                payment("TXN000000001", VIP, "completed", "2000.00", "2024-03-01 11:00:00", 10.0),
                payment("TXN000000002", VIP, "completed", "2000.00", "2024-03-01 11:10:00", 20.0),
                payment("TXN000000003", VIP, "completed", "1000.00", "2024-03-01 11:20:00", 90.0),
                payment("TXN000000004", VIP, "failed", "50.00", "2024-03-01 11:30:00", null),
                payment("TXN000000005", TWO_BIG_PAYMENTS, "completed", "2500.00", "2024-03-05 08:00:00", null),
                payment("TXN000000006", TWO_BIG_PAYMENTS, "completed", "2500.00", "2024-03-05 08:10:00", null)));
        rows.addAll(tenTransactions(FAILING, 4, 100));
        rows.addAll(tenTransactions(FAILING_EXACTLY_30_PERCENT, 3, 200));
        return rows;
    }

    /** Ten transactions on {@link #PAYMENTS_DAY}: {@code failed} failed, the others completed for 10.00. */
    private static List<RowData> tenTransactions(String customerId, int failed, int firstId) {
        List<RowData> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(payment("TXN%09d".formatted(firstId + i), customerId, i < failed ? "failed" : "completed", "10.00",
                    "2024-03-05 09:%02d:00".formatted(i), null));
        }
        return rows;
    }

    private static List<RowData> tickets() {
        return List.of(
                ticket("TKT00000001", TICKETS_ONLY, "2024-03-10 09:00:00", "2024-03-10 09:01:59", "2024-03-10 09:59:00", 5),
                ticket("TKT00000002", TICKETS_ONLY, "2024-03-10 10:00:00", "2024-03-10 10:30:00", "2024-03-10 12:59:59", 4),
                ticket("TKT00000003", UNSATISFIED, "2024-03-10 08:00:00", null, null, 2));
    }

    private static List<RowData> inventory() {
        return List.of(
                health(RowKind.INSERT, IN_EVENTS_AND_INVENTORY, "WH001", 100, 80, 50),
                health(RowKind.INSERT, IN_EVENTS_AND_INVENTORY, "WH002", 200, 200, 100),
                health(RowKind.INSERT, IN_INVENTORY_ONLY, "WH001", 10, 10, 5),
                health(RowKind.UPDATE_BEFORE, IN_EVENTS_AND_INVENTORY, "WH001", 100, 80, 50),
                health(RowKind.UPDATE_AFTER, IN_EVENTS_AND_INVENTORY, "WH001", 40, 30, 50));
    }

    private static Changelog apply(GoldStream stream, List<RowData> rows) {
        return new Changelog(stream.table().schema(), List.copyOf(stream.table().schema().identifierFieldNames()))
                .applyAll(rows);
    }
}
