package dev.lakehouse.stack.testing;

import dev.lakehouse.oracle.BronzeOracle;
import dev.lakehouse.oracle.GoldOracle;
import dev.lakehouse.oracle.RowComparison;
import dev.lakehouse.oracle.SeedData;
import dev.lakehouse.oracle.SilverOracle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Every bronze, silver and gold table of a drained replay against the independent batch recomputation of a seeds
 * folder: the question the cluster, upgrade and fault tests all ask ("are the tables what a careful batch run gives?").
 */
public final class OracleTables {

    private OracleTables() {
    }

    /**
     * Table name → what differs from the oracle; empty when every table equals it row by row.
     *
     * @param finalWatermark the watermark the replay ended on: SLA deadlines up to it have fired
     */
    public static Map<String, String> differences(Catalog catalog, Path seeds, LocalDateTime finalWatermark) throws IOException {
        SeedData data = SeedData.read(seeds);
        BronzeOracle bronze = new BronzeOracle(data);
        SilverOracle silver = new SilverOracle(data);
        GoldOracle gold = new GoldOracle(data, silver);
        Map<String, String> differences = new LinkedHashMap<>();
        Comparison compare = (table, expected, keys) -> {
            RowComparison.Result result = RowComparison.compare(expected, IcebergRows.readAsMaps(catalog, TableIdentifier.parse(table)), keys);
            if (!result.isEmpty()) {
                differences.put(table, result.toString());
            }
        };
        compare.with("bronze.customer_events", bronze.customerEvents(), BronzeOracle.CUSTOMER_EVENTS_KEY);
        compare.with("bronze.payment_transactions", bronze.paymentTransactions(), BronzeOracle.PAYMENT_TRANSACTIONS_KEY);
        compare.with("bronze.inventory_snapshots", bronze.inventorySnapshots(), BronzeOracle.INVENTORY_SNAPSHOTS_KEY);
        compare.with("bronze.support_tickets", bronze.supportTickets(), BronzeOracle.SUPPORT_TICKETS_KEY);
        compare.with("bronze.rejected_records", List.of(), List.of("kafka_topic", "kafka_partition", "kafka_offset"));
        compare.with("silver.customer_sessions", silver.customerSessions(), SilverOracle.CUSTOMER_SESSIONS_KEY);
        compare.with("silver.payment_analysis", silver.paymentAnalysis(), SilverOracle.PAYMENT_ANALYSIS_KEY);
        compare.with("silver.customer_payment_profile", silver.customerPaymentProfile(), SilverOracle.CUSTOMER_PAYMENT_PROFILE_KEY);
        compare.with("silver.inventory_health", silver.inventoryHealth(), SilverOracle.INVENTORY_HEALTH_KEY);
        compare.with("silver.support_metrics", silver.supportMetrics(finalWatermark), SilverOracle.SUPPORT_METRICS_KEY);
        compare.with("silver.sla_breaches", silver.slaBreaches(finalWatermark), SilverOracle.SLA_BREACHES_KEY);
        compare.with("silver.agent_performance", silver.agentPerformance(), SilverOracle.AGENT_PERFORMANCE_KEY);
        compare.with("gold.customer_summary", gold.customerSummary(), GoldOracle.CUSTOMER_SUMMARY_KEY);
        compare.with("gold.daily_metrics", gold.dailyMetrics(), GoldOracle.DAILY_METRICS_KEY);
        compare.with("gold.product_summary", gold.productSummary(), GoldOracle.PRODUCT_SUMMARY_KEY);
        return differences;
    }

    private interface Comparison {
        void with(String table, List<Map<String, Object>> expected, List<String> keys);
    }
}
