package dev.lakehouse.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldOracleTest {
    @TempDir
    Path dir;

    // ------------------------------------------------------------------------------------ customer_summary

    @Test
    void aCustomerWithOnlyTicketsHasZeroCountsNullAveragesAndIsSegmentedBySatisfaction() {
        Map<Object, Map<String, Object>> rows = byKey(TestSeeds.in(dir)
                .customerTicket("TKT1", "CUST000001", "resolved", "2024-02-01 10:00:00", "2024-02-01 11:00:00",
                        "2024-02-09 10:00:00", "1")
                .customerTicket("TKT2", "CUST000001", "closed", "2024-02-03 10:00:00", "2024-02-03 11:00:00",
                        "2024-02-05 10:00:00", "3")
                .customerTicket("TKT3", "CUST000002", "resolved", "2024-02-01 10:00:00", "2024-02-01 11:00:00",
                        "2024-02-02 10:00:00", "3")
                .customerTicket("TKT4", "CUST000002", "closed", "2024-02-01 10:00:00", "2024-02-01 11:00:00",
                        "2024-02-02 10:00:00", "2")
                .customerTicket("TKT5", "CUST000003", "open", "2024-02-01 10:00:00", "", "", "")
                .goldOracle().customerSummary(), "customer_id");

        assertThat(rows).containsOnlyKeys("CUST000001", "CUST000002", "CUST000003");
        assertThat(rows.get("CUST000001"))
                .containsEntry("total_sessions", 0L)
                .containsEntry("avg_session_duration_seconds", null)
                .containsEntry("total_events", 0L)
                .containsEntry("conversion_rate", 0.0)
                .containsEntry("total_transactions", 0L)
                .containsEntry("total_revenue", new BigDecimal("0.00"))
                .containsEntry("avg_transaction_amount", null)
                .containsEntry("total_support_tickets", 2L)
                .containsEntry("avg_satisfaction_score", 2.0)
                // the latest created time, not the later resolution time
                .containsEntry("last_activity_at", LocalDateTime.of(2024, 2, 3, 10, 0))
                .containsEntry("customer_segment", "At-Risk") // average exactly 2
                .containsOnlyKeys(GoldOracle.CUSTOMER_SUMMARY_LAYOUT.columns());
        assertThat(rows.get("CUST000002"))
                .containsEntry("avg_satisfaction_score", 2.5)
                .containsEntry("customer_segment", "Regular");
        assertThat(rows.get("CUST000003"))
                .containsEntry("total_support_tickets", 1L)
                .containsEntry("avg_satisfaction_score", null)
                .containsEntry("customer_segment", "Regular");
        assertThat(((BigDecimal) rows.get("CUST000001").get("total_revenue")).scale()).isEqualTo(2);
    }

    @Test
    void vipNeedsRevenueOfAtLeast5000AndThreeSuccessfulTransactions() {
        Map<Object, Map<String, Object>> rows = byKey(TestSeeds.in(dir)
                // exactly 5000.00 over 3 completed: VIP, even with a failure and an unhappy ticket
                .payment("TXN1", "CUST000001", "credit_card", "completed", "2000.00", "2024-03-01 10:00:00", "10")
                .payment("TXN2", "CUST000001", "credit_card", "completed", "2000.00", "2024-03-02 10:00:00", "10")
                .payment("TXN3", "CUST000001", "credit_card", "completed", "1000.00", "2024-03-03 10:00:00", "10")
                .payment("TXN4", "CUST000001", "credit_card", "failed", "1500.00", "2024-03-04 10:00:00", "10")
                .customerTicket("TKT1", "CUST000001", "closed", "2024-03-01 09:00:00", "2024-03-01 10:00:00",
                        "2024-03-02 09:00:00", "1")
                // 4999.99 over 3 completed: not VIP
                .payment("TXN5", "CUST000002", "paypal", "completed", "2000.00", "2024-03-01 10:00:00", "10")
                .payment("TXN6", "CUST000002", "paypal", "completed", "2000.00", "2024-03-02 10:00:00", "10")
                .payment("TXN7", "CUST000002", "paypal", "completed", "999.99", "2024-03-03 10:00:00", "10")
                // 6000.00 but over 2 completed (the refund does not count): not VIP
                .payment("TXN8", "CUST000003", "paypal", "completed", "2000.00", "2024-03-01 10:00:00", "10")
                .payment("TXN9", "CUST000003", "paypal", "completed", "2000.00", "2024-03-02 10:00:00", "10")
                .payment("TXN10", "CUST000003", "paypal", "refunded", "2000.00", "2024-03-03 10:00:00", "10")
                .goldOracle().customerSummary(), "customer_id");

        assertThat(rows.get("CUST000001"))
                .containsEntry("customer_segment", "VIP")
                .containsEntry("total_transactions", 4L)
                .containsEntry("total_revenue", new BigDecimal("5000.00"))
                .containsEntry("avg_satisfaction_score", 1.0)
                .containsEntry("last_activity_at", LocalDateTime.of(2024, 3, 4, 10, 0));
        assertThat((Double) rows.get("CUST000001").get("avg_transaction_amount")).isCloseTo(5000.0 / 3, within(1e-9));
        assertThat(rows.get("CUST000002"))
                .containsEntry("customer_segment", "Regular")
                .containsEntry("total_revenue", new BigDecimal("4999.99"));
        assertThat(rows.get("CUST000003"))
                .containsEntry("customer_segment", "Regular")
                .containsEntry("total_transactions", 3L)
                .containsEntry("total_revenue", new BigDecimal("4000.00"))
                .containsEntry("avg_transaction_amount", 2000.0);
    }

    @Test
    void atRiskNeedsAFailureRateAboveNotAt30Percent() {
        TestSeeds seeds = TestSeeds.in(dir);
        // CUST000001: 3 failed of 10 (the pending ones count in the total) = 0.3
        for (int i = 1; i <= 10; i++) {
            String status = i <= 3 ? "failed" : i <= 8 ? "completed" : "pending";
            seeds.payment("TXN1" + i, "CUST000001", "debit_card", status, "20.00", "2024-04-01 10:00:00", "5");
        }
        // CUST000002: 1 failed of 3 > 0.3
        seeds.payment("TXN21", "CUST000002", "debit_card", "failed", "20.00", "2024-04-01 10:00:00", "5")
                .payment("TXN22", "CUST000002", "debit_card", "completed", "20.00", "2024-04-01 11:00:00", "5")
                .payment("TXN23", "CUST000002", "debit_card", "completed", "20.00", "2024-04-01 12:00:00", "5");
        Map<Object, Map<String, Object>> rows = byKey(seeds.goldOracle().customerSummary(), "customer_id");

        assertThat(rows.get("CUST000001"))
                .containsEntry("customer_segment", "Regular")
                .containsEntry("total_transactions", 10L)
                .containsEntry("total_revenue", new BigDecimal("100.00"))
                .containsEntry("avg_transaction_amount", 20.0);
        assertThat(rows.get("CUST000002")).containsEntry("customer_segment", "At-Risk");
    }

    @Test
    void sessionFiguresComeFromTheSilverSessionsAndEachSourceIsAggregatedOnItsOwn() {
        Map<Object, Map<String, Object>> rows = byKey(TestSeeds.in(dir)
                // two sessions of SESS1 (40 minutes apart), one of them converted, and one of SESS2
                .event("EVT1", "CUST000001", "SESS1", "page_view", "2024-05-01 10:00:00", "")
                .event("EVT2", "CUST000001", "SESS1", "purchase", "2024-05-01 10:05:00", "")
                .event("EVT3", "CUST000001", "SESS1", "page_view", "2024-05-01 10:45:00", "")
                .event("EVT4", "CUST000001", "SESS2", "add_to_cart", "2024-05-02 08:00:00", "PROD00001")
                .event("EVT5", "CUST000001", "SESS2", "page_view", "2024-05-02 08:20:00", "")
                // two payments and two tickets: no cross product of the sources
                .payment("TXN1", "CUST000001", "credit_card", "completed", "10.00", "2024-05-01 10:06:00", "1")
                .payment("TXN2", "CUST000001", "credit_card", "completed", "20.00", "2024-05-01 10:07:00", "1")
                .customerTicket("TKT1", "CUST000001", "closed", "2024-04-01 10:00:00", "2024-04-01 11:00:00",
                        "2024-04-02 10:00:00", "4")
                .customerTicket("TKT2", "CUST000001", "closed", "2024-04-02 10:00:00", "2024-04-02 11:00:00",
                        "2024-04-03 10:00:00", "5")
                .goldOracle().customerSummary(), "customer_id");

        assertThat(rows).containsOnlyKeys("CUST000001");
        assertThat(rows.get("CUST000001"))
                .containsEntry("total_sessions", 3L)
                .containsEntry("avg_session_duration_seconds", (300.0 + 0 + 1200) / 3)
                .containsEntry("total_events", 5L)
                .containsEntry("conversion_rate", 1.0 / 3)
                .containsEntry("total_transactions", 2L)
                .containsEntry("total_revenue", new BigDecimal("30.00"))
                .containsEntry("avg_transaction_amount", 15.0)
                .containsEntry("total_support_tickets", 2L)
                .containsEntry("avg_satisfaction_score", 4.5)
                .containsEntry("last_activity_at", LocalDateTime.of(2024, 5, 2, 8, 20)) // the latest event
                .containsEntry("customer_segment", "Regular");
    }

    // --------------------------------------------------------------------------------------- daily_metrics

    @Test
    void aDayWithOnlyTicketsHasZeroSessionAndPaymentParts() {
        Map<Object, Map<String, Object>> rows = byKey(TestSeeds.in(dir)
                // response after 90 min 59 s = 90 whole minutes; resolved after 48 h 59 min = 48 whole hours
                .customerTicket("TKT1", "CUST000001", "resolved", "2024-03-01 10:00:00", "2024-03-01 11:30:59",
                        "2024-03-03 10:59:00", "5")
                .customerTicket("TKT2", "CUST000002", "in_progress", "2024-03-01 12:00:00", "2024-03-01 12:45:00",
                        "", "")
                .customerTicket("TKT3", "CUST000003", "open", "2024-03-01 23:59:59", "", "", "")
                .goldOracle().dailyMetrics(), "metric_date");

        // the response and resolution days have no row of their own
        assertThat(rows).containsOnlyKeys(LocalDate.of(2024, 3, 1));
        assertThat(rows.get(LocalDate.of(2024, 3, 1)))
                .containsEntry("total_sessions", 0L)
                .containsEntry("unique_customers", 0L)
                .containsEntry("avg_session_duration_seconds", 0.0)
                .containsEntry("total_transactions", 0L)
                .containsEntry("successful_transactions", 0L)
                .containsEntry("daily_revenue", new BigDecimal("0.00"))
                .containsEntry("avg_order_value", 0.0)
                .containsEntry("avg_risk_score", 0.0)
                .containsEntry("fraud_flag_count", 0L)
                .containsEntry("total_tickets", 3L)
                .containsEntry("avg_response_time_hours", (90 + 45) / 2.0 / 60)
                .containsEntry("avg_resolution_time_hours", 48.0)
                .containsOnlyKeys(GoldOracle.DAILY_METRICS_LAYOUT.columns());
    }

    @Test
    void sessionsCountOnTheirStartDayAndTransactionsOnTheirOwnDay() {
        Map<Object, Map<String, Object>> rows = byKey(TestSeeds.in(dir)
                .event("EVT1", "CUST000001", "SESS1", "page_view", "2024-03-05 10:00:00", "")
                .event("EVT2", "CUST000001", "SESS1", "purchase", "2024-03-05 10:10:00", "")
                // a session over midnight belongs to its start day
                .event("EVT3", "CUST000001", "SESS2", "page_view", "2024-03-05 23:50:00", "")
                .event("EVT4", "CUST000001", "SESS2", "page_view", "2024-03-06 00:10:00", "")
                .event("EVT5", "CUST000002", "SESS3", "page_view", "2024-03-05 09:00:00", "")
                .payment("TXN1", "CUST000001", "credit_card", "completed", "100.00", "2024-03-05 10:11:00", "80")
                .payment("TXN2", "CUST000001", "credit_card", "completed", "50.01", "2024-03-05 10:12:00", "")
                .payment("TXN3", "CUST000002", "credit_card", "failed", "30.00", "2024-03-05 23:59:59", "10.5")
                .payment("TXN4", "CUST000002", "credit_card", "failed", "30.00", "2024-03-07 00:00:00", "79.99")
                .goldOracle().dailyMetrics(), "metric_date");

        assertThat(rows).containsOnlyKeys(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 7));
        assertThat(rows.get(LocalDate.of(2024, 3, 5)))
                .containsEntry("total_sessions", 3L)
                .containsEntry("unique_customers", 2L)
                .containsEntry("avg_session_duration_seconds", (600.0 + 1200 + 0) / 3)
                .containsEntry("total_transactions", 3L)
                .containsEntry("successful_transactions", 2L)
                .containsEntry("daily_revenue", new BigDecimal("150.01"))
                .containsEntry("avg_order_value", 75.005)
                .containsEntry("avg_risk_score", (80 + 10.5) / 2) // the NULL risk score is left out
                .containsEntry("fraud_flag_count", 1L)
                .containsEntry("total_tickets", 0L)
                .containsEntry("avg_response_time_hours", 0.0)
                .containsEntry("avg_resolution_time_hours", 0.0);
        assertThat(rows.get(LocalDate.of(2024, 3, 7)))
                .containsEntry("total_sessions", 0L)
                .containsEntry("avg_session_duration_seconds", 0.0)
                .containsEntry("total_transactions", 1L)
                .containsEntry("successful_transactions", 0L)
                .containsEntry("daily_revenue", new BigDecimal("0.00"))
                .containsEntry("avg_order_value", 0.0)
                .containsEntry("avg_risk_score", 79.99)
                .containsEntry("fraud_flag_count", 0L);
    }

    // ------------------------------------------------------------------------------------- product_summary

    @Test
    void productsFromInventoryOnlyAndFromEventsOnly() {
        Map<Object, Map<String, Object>> rows = byKey(TestSeeds.in(dir)
                // PROD00001 in two warehouses; WH001's older snapshot is superseded
                .snapshot("SNAP1", "PROD00001", "WH001", "2024-06-01", 1000, 0, 50, 100, "10.00")
                .snapshot("SNAP2", "PROD00001", "WH001", "2024-06-02", 100, 20, 100, 100, "10.00")
                .snapshot("SNAP3", "PROD00001", "WH002", "2024-06-01", 300, 0, 50, 100, "10.00")
                // PROD00003: plenty everywhere
                .snapshot("SNAP4", "PROD00003", "WH001", "2024-06-01", 900, 0, 50, 100, "10.00")
                .event("EVT1", "CUST000001", "SESS1", "product_view", "2024-06-01 10:00:00", "PROD00002")
                .event("EVT2", "CUST000001", "SESS1", "add_to_cart", "2024-06-01 10:01:00", "PROD00002")
                .event("EVT3", "CUST000002", "SESS2", "product_view", "2024-06-01 11:00:00", "PROD00002")
                .event("EVT4", "CUST000002", "SESS9", "remove_from_cart", "2024-06-02 11:00:00", "PROD00002")
                .event("EVT5", "CUST000002", "SESS9", "page_view", "2024-06-02 11:01:00", "")
                .goldOracle().productSummary(), "product_id");

        assertThat(rows).containsOnlyKeys("PROD00001", "PROD00002", "PROD00003");
        assertThat(rows.get("PROD00001"))
                .containsEntry("total_events", 0L)
                .containsEntry("product_views", 0L)
                .containsEntry("cart_adds", 0L)
                .containsEntry("unique_customers", 0L)
                .containsEntry("total_sessions", 0L)
                .containsEntry("avg_quantity_on_hand", 200.0)
                .containsEntry("avg_reorder_point", 75.0)
                .containsEntry("current_stock_level", 380L)
                .containsEntry("needs_reorder", true) // WH001: available 80 <= 100
                .containsOnlyKeys(GoldOracle.PRODUCT_SUMMARY_LAYOUT.columns());
        assertThat(rows.get("PROD00002"))
                .containsEntry("total_events", 4L)
                .containsEntry("product_views", 2L)
                .containsEntry("cart_adds", 1L)
                .containsEntry("unique_customers", 2L)
                .containsEntry("total_sessions", 3L)
                .containsEntry("avg_quantity_on_hand", 0.0)
                .containsEntry("avg_reorder_point", 0.0)
                .containsEntry("current_stock_level", 0L)
                .containsEntry("needs_reorder", false);
        assertThat(rows.get("PROD00003"))
                .containsEntry("current_stock_level", 900L)
                .containsEntry("needs_reorder", false);
    }

    // ----------------------------------------------------------------------------------------------- misc

    @Test
    void theSilverOracleMustBeOverTheSameData() {
        SeedData data = TestSeeds.in(dir).write();
        SilverOracle other = new SilverOracle(TestSeeds.in(dir).write());

        assertThatThrownBy(() -> new GoldOracle(data, other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noInputNoRows() {
        GoldOracle gold = TestSeeds.in(dir).goldOracle();

        assertThat(gold.customerSummary()).isEmpty();
        assertThat(gold.dailyMetrics()).isEmpty();
        assertThat(gold.productSummary()).isEmpty();
    }

    private static Map<Object, Map<String, Object>> byKey(List<Map<String, Object>> rows, String key) {
        return rows.stream().collect(Collectors.toMap(r -> r.get(key), Function.identity()));
    }
}
