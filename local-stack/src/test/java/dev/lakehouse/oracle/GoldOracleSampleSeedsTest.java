package dev.lakehouse.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.oracle.SeedData.CustomerEvent;
import dev.lakehouse.oracle.SeedData.InventorySnapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gold oracle over the committed sample seeds: consistency between its tables, silver and the input. */
class GoldOracleSampleSeedsTest {
    private static SeedData data;
    private static List<Map<String, Object>> sessions;
    private static List<Map<String, Object>> customers;
    private static List<Map<String, Object>> days;
    private static List<Map<String, Object>> products;

    @BeforeAll
    static void readSample() throws IOException {
        data = SeedData.read(Path.of("../seeds"));
        SilverOracle silver = new SilverOracle(data);
        GoldOracle gold = new GoldOracle(data, silver);
        sessions = silver.customerSessions();
        customers = gold.customerSummary();
        days = gold.dailyMetrics();
        products = gold.productSummary();
    }

    @Test
    void keysAreUnique() {
        assertUniqueKeys(customers, GoldOracle.CUSTOMER_SUMMARY_KEY);
        assertUniqueKeys(days, GoldOracle.DAILY_METRICS_KEY);
        assertUniqueKeys(products, GoldOracle.PRODUCT_SUMMARY_KEY);
    }

    @Test
    void customerSummaryCoversEveryCustomerOfEverySource() {
        Set<String> expected = new TreeSet<>();
        data.customerEvents().forEach(e -> expected.add(e.customerId()));
        data.paymentTransactions().forEach(tx -> expected.add(tx.customerId()));
        data.supportTickets().forEach(t -> expected.add(t.customerId()));

        assertThat(customers).extracting(c -> (String) c.get("customer_id")).containsExactlyElementsOf(expected);
        assertThat(sum(customers, "total_sessions")).isEqualTo(sessions.size());
        assertThat(sum(customers, "total_events")).isEqualTo(data.customerEvents().size());
        assertThat(sum(customers, "total_transactions")).isEqualTo(data.paymentTransactions().size());
        assertThat(sum(customers, "total_support_tickets")).isEqualTo(data.supportTickets().size());
        assertThat(customers).allSatisfy(c -> {
            assertThat(c.get("customer_segment")).isIn("VIP", "At-Risk", "Regular");
            assertThat(c.get("last_activity_at")).isNotNull();
            assertThat((Double) c.get("conversion_rate")).isBetween(0.0, 1.0);
            assertThat(c.get("avg_session_duration_seconds") == null)
                    .isEqualTo((Long) c.get("total_sessions") == 0);
        });
        // the sample has customers of each segment
        assertThat(customers).extracting(c -> c.get("customer_segment")).contains("VIP", "At-Risk", "Regular");
    }

    @Test
    void dailyMetricsAddUpToTheSources() {
        Set<LocalDate> expected = new TreeSet<>();
        sessions.forEach(s -> expected.add(((LocalDateTime) s.get("session_start")).toLocalDate()));
        data.paymentTransactions().forEach(tx -> expected.add(tx.transactionTimestamp().toLocalDate()));
        data.supportTickets().forEach(t -> expected.add(t.createdTimestamp().toLocalDate()));

        assertThat(days).extracting(d -> (LocalDate) d.get("metric_date")).containsExactlyElementsOf(expected);
        assertThat(sum(days, "total_sessions")).isEqualTo(sessions.size());
        assertThat(sum(days, "total_transactions")).isEqualTo(data.paymentTransactions().size());
        assertThat(sum(days, "successful_transactions"))
                .isEqualTo(data.paymentTransactions().stream().filter(tx -> "completed".equals(tx.paymentStatus()))
                        .count());
        assertThat(sum(days, "fraud_flag_count")).isEqualTo(data.paymentTransactions().stream()
                .filter(tx -> tx.riskScore() != null && tx.riskScore() >= 80).count());
        assertThat(sum(days, "total_tickets")).isEqualTo(data.supportTickets().size());
        // money is the same whether summed by day or by customer
        assertThat(money(days, "daily_revenue")).isEqualByComparingTo(money(customers, "total_revenue"));
        assertThat(days).allSatisfy(d -> {
            assertThat(d.values()).doesNotContainNull();
            assertThat((Long) d.get("unique_customers")).isLessThanOrEqualTo((Long) d.get("total_sessions"));
            assertThat((Long) d.get("successful_transactions")).isLessThanOrEqualTo((Long) d.get("total_transactions"));
        });
    }

    @Test
    void productSummaryCoversEveryProductOfEventsAndInventory() {
        Set<String> expected = Stream.concat(
                        data.customerEvents().stream().map(CustomerEvent::productId).filter(Objects::nonNull),
                        data.inventorySnapshots().stream().map(InventorySnapshot::productId))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(products).extracting(p -> (String) p.get("product_id")).containsExactlyElementsOf(expected);
        assertThat(sum(products, "total_events"))
                .isEqualTo(data.customerEvents().stream().filter(e -> e.productId() != null).count());
        assertThat(products).allSatisfy(p -> {
            assertThat(p.values()).doesNotContainNull();
            assertThat((Long) p.get("product_views") + (Long) p.get("cart_adds"))
                    .isLessThanOrEqualTo((Long) p.get("total_events"));
        });
    }

    private static long sum(List<Map<String, Object>> rows, String column) {
        return rows.stream().mapToLong(r -> (Long) r.get(column)).sum();
    }

    private static BigDecimal money(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(r -> (BigDecimal) r.get(column)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertUniqueKeys(List<Map<String, Object>> rows, List<String> keys) {
        RowComparison.assertSame(rows, rows, keys);
    }
}
