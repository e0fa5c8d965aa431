package dev.lakehouse.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.oracle.SeedData.InventorySnapshot;
import dev.lakehouse.oracle.SeedData.SupportTicket;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The oracle over the committed sample seeds: consistency between its tables and with the input. */
class SilverOracleSampleSeedsTest {
    /** After every sample event: all event times fall in 2024. */
    private static final LocalDateTime FINAL_WATERMARK = LocalDateTime.of(2025, 1, 1, 0, 0);

    private static SilverOracle oracle;
    private static SeedData data;

    @BeforeAll
    static void readSample() throws IOException {
        oracle = SilverOracle.over(Path.of("../seeds"));
        data = oracle.data();
    }

    @Test
    void theSampleIsValidAndHasNoDuplicates() {
        for (String file : List.of(SeedData.CUSTOMER_EVENTS_FILE, SeedData.PAYMENT_TRANSACTIONS_FILE,
                SeedData.INVENTORY_SNAPSHOTS_FILE, SeedData.SUPPORT_TICKETS_FILE)) {
            SeedData.FileCounts counts = data.counts(file);
            assertThat(counts.rejected()).as(file).isZero();
            assertThat(counts.duplicates()).as(file).isZero();
            assertThat(counts.kept()).as(file).isPositive();
        }
        assertThat(data.customerEvents()).hasSize(5000);
    }

    @Test
    void sessionsPartitionTheEvents() {
        List<Map<String, Object>> sessions = oracle.customerSessions();

        assertThat(sessions.stream().mapToLong(s -> (Long) s.get("total_events")).sum())
                .isEqualTo(data.customerEvents().size());
        assertUniqueKeys(sessions, SilverOracle.CUSTOMER_SESSIONS_KEY);
        assertThat(sessions).allSatisfy(s -> {
            assertThat((LocalDateTime) s.get("session_start")).isBeforeOrEqualTo((LocalDateTime) s.get("session_end"));
            assertThat((Long) s.get("page_views") + (Long) s.get("product_views") + (Long) s.get("cart_adds")
                    + (Long) s.get("purchases")).isLessThanOrEqualTo((Long) s.get("total_events"));
        });
        // A greater gap can only merge sessions.
        assertThat(oracle.customerSessions(Duration.ofHours(2))).hasSizeLessThanOrEqualTo(sessions.size());
    }

    @Test
    void paymentTablesCoverEveryTransactionAndCustomer() {
        List<Map<String, Object>> analysis = oracle.paymentAnalysis();
        List<Map<String, Object>> profiles = oracle.customerPaymentProfile();

        assertThat(analysis).hasSize(data.paymentTransactions().size());
        assertUniqueKeys(analysis, SilverOracle.PAYMENT_ANALYSIS_KEY);
        assertUniqueKeys(profiles, SilverOracle.CUSTOMER_PAYMENT_PROFILE_KEY);
        assertThat(profiles.stream().mapToLong(p -> (Long) p.get("total_transactions")).sum())
                .isEqualTo(data.paymentTransactions().size());
        // The profile is each customer's as-of figures at their last transaction.
        Map<Object, Long> lastTotals = analysis.stream().collect(Collectors.toMap(
                r -> r.get("customer_id"), r -> (Long) r.get("customer_total_transactions"), Math::max));
        assertThat(profiles).allSatisfy(p -> assertThat(p.get("total_transactions"))
                .isEqualTo(lastTotals.get(p.get("customer_id"))));
    }

    @Test
    void oneInventoryRowPerProductAndWarehouse() {
        long pairs = data.inventorySnapshots().stream()
                .map(s -> s.productId() + "|" + s.warehouseId()).distinct().count();
        List<Map<String, Object>> health = oracle.inventoryHealth();

        assertThat(health).hasSize((int) pairs);
        assertUniqueKeys(health, SilverOracle.INVENTORY_HEALTH_KEY);
        // Each row is of its pair's latest snapshot date.
        Map<String, LocalDate> latestDates = data.inventorySnapshots().stream().collect(Collectors.toMap(
                s -> s.productId() + "|" + s.warehouseId(), InventorySnapshot::snapshotDate,
                (a, b) -> a.isAfter(b) ? a : b));
        assertThat(health).allSatisfy(row -> assertThat(row.get("snapshot_date"))
                .isEqualTo(latestDates.get(row.get("product_id") + "|" + row.get("warehouse_id"))));
    }

    @Test
    void supportTablesAgree() {
        List<Map<String, Object>> metrics = oracle.supportMetrics(FINAL_WATERMARK);
        List<Map<String, Object>> breaches = oracle.slaBreaches(FINAL_WATERMARK);
        List<Map<String, Object>> agents = oracle.agentPerformance();

        assertThat(metrics).hasSize(data.supportTickets().size());
        assertUniqueKeys(metrics, SilverOracle.SUPPORT_METRICS_KEY);
        assertUniqueKeys(breaches, SilverOracle.SLA_BREACHES_KEY);
        assertThat(agents.stream().mapToLong(a -> (Long) a.get("tickets_handled")).sum())
                .isEqualTo(data.supportTickets().stream().filter(t -> t.agentId() != null).count());
        // Once every deadline has passed, a ticket has a breach of a kind exactly when it misses that SLA.
        List<Map<String, Object>> eventualBreaches = oracle.slaBreaches(LocalDateTime.of(2100, 1, 1, 0, 0));
        for (String kind : List.of("response", "resolution")) {
            assertThat(eventualBreaches.stream().filter(b -> kind.equals(b.get("breach_type"))).count())
                    .as(kind)
                    .isEqualTo(metrics.stream().filter(m -> !(Boolean) m.get("meets_" + kind + "_sla")).count());
        }
        assertThat(breaches).hasSizeLessThan(eventualBreaches.size()); // tickets of late December are not due yet
        assertThat(breaches).allSatisfy(b -> assertThat((LocalDateTime) b.get("deadline")).isBefore(FINAL_WATERMARK));
        assertThat(metrics).allSatisfy(m -> assertThat((String) m.get("ticket_urgency_status"))
                .isIn("active", "Resolved", "Overdue Critical", "Overdue High", "Overdue Medium", "Overdue Low"));
        assertThat(data.supportTickets()).extracting(SupportTicket::priority).doesNotContainNull();
    }

    private static void assertUniqueKeys(List<Map<String, Object>> rows, List<String> keys) {
        RowComparison.assertSame(rows, rows, keys);
    }
}
