package dev.lakehouse.stack.silver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.oracle.RowComparison;
import dev.lakehouse.oracle.SilverOracle;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.seeds.SeedCounts;
import dev.lakehouse.seeds.SeedGeneration;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.cli.DemoCommand;
import dev.lakehouse.stack.testing.IcebergRows;
import dev.lakehouse.stack.testing.KafkaTestBroker;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.Test;

/**
 * Convergence: after a replay has drained and event time has passed the end of the data, every silver table equals
 * the independent batch recomputation of {@code semantics.md} ({@link SilverOracle}), row by row.
 */
class SilverConvergenceIT {
    private static final Path JOB_JAR = Path.of(System.getProperty("lakehouse.job.jar"));
    /** The job's default watermark bound: the final watermark is the heartbeat's time minus this, minus 1 ms. */
    private static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);

    @Test
    void theSampleSeedsConverge() throws Exception {
        assertConverges(SeedFolders.sample());
    }

    @Test
    void aGeneratedSetWithDenseSessionsConverges() throws Exception {
        Path seeds = Files.createTempDirectory("lakehouse-dense-seeds");
        try {
            // 0.5 % of full scale: ~19,000 rows of coherent sessions, funnels, payments and tickets
            SeedGeneration.generate(seeds, SeedCounts.scaled(0.005), 7, new PrintStream(OutputStream.nullOutputStream()));
            assertConverges(seeds);
        } finally {
            TempDirs.deleteRecursively(seeds);
        }
    }

    private static void assertConverges(Path seeds) throws Exception {
        Path warehouse = Files.createTempDirectory("lakehouse-silver-it");
        try (KafkaTestBroker kafka = KafkaTestBroker.start();
                LocalStack stack = LocalStack.start(StackSettings.ephemeral(warehouse, Duration.ofSeconds(1))
                        .withExternalKafka(kafka.bootstrapServers()))) {
            LocalStack.RunningJob job = stack.submitJob(JOB_JAR);
            ReplaySummary summary = ReplayProducer.run(ReplayOptions.builder(seeds).bootstrapServers(stack.bootstrapServers()).build());
            Instant end = summary.lastEventTime().orElseThrow().plus(DemoCommand.CLOSE_HISTORY_AFTER);
            stack.advanceEventTime(end);
            stack.awaitDrained(job.jobId(), Duration.ofMinutes(5), status -> {});

            LocalDateTime finalWatermark = LocalDateTime.ofInstant(end.minus(MAX_OUT_OF_ORDERNESS).minusMillis(1), ZoneOffset.UTC);
            SilverOracle oracle = SilverOracle.over(seeds);
            Map<String, List<Map<String, Object>>> expected = new LinkedHashMap<>();
            expected.put("customer_sessions", oracle.customerSessions());
            expected.put("payment_analysis", oracle.paymentAnalysis());
            expected.put("customer_payment_profile", oracle.customerPaymentProfile());
            expected.put("inventory_health", oracle.inventoryHealth());
            expected.put("support_metrics", oracle.supportMetrics(finalWatermark));
            expected.put("sla_breaches", oracle.slaBreaches(finalWatermark));
            expected.put("agent_performance", oracle.agentPerformance());
            Map<String, List<String>> keys = Map.of(
                    "customer_sessions", SilverOracle.CUSTOMER_SESSIONS_KEY,
                    "payment_analysis", SilverOracle.PAYMENT_ANALYSIS_KEY,
                    "customer_payment_profile", SilverOracle.CUSTOMER_PAYMENT_PROFILE_KEY,
                    "inventory_health", SilverOracle.INVENTORY_HEALTH_KEY,
                    "support_metrics", SilverOracle.SUPPORT_METRICS_KEY,
                    "sla_breaches", SilverOracle.SLA_BREACHES_KEY,
                    "agent_performance", SilverOracle.AGENT_PERFORMANCE_KEY);

            Map<String, String> differences = new LinkedHashMap<>();
            try (RESTCatalog catalog = stack.openCatalog()) {
                for (Map.Entry<String, List<Map<String, Object>>> table : expected.entrySet()) {
                    List<Map<String, Object>> actual = IcebergRows.readAsMaps(catalog, TableIdentifier.of("silver", table.getKey()));
                    RowComparison.Result result = RowComparison.compare(table.getValue(), actual, keys.get(table.getKey()));
                    if (!result.isEmpty()) {
                        differences.put(table.getKey(), result.toString());
                    }
                }
                assertThat(IcebergRows.read(catalog, TableIdentifier.of("silver", "late_events")))
                        .as("nothing is late in an in-order replay").isEmpty();
            }
            assertThat(differences).as("silver tables that differ from the batch recomputation").isEmpty();
        } finally {
            TempDirs.deleteRecursively(warehouse);
        }
    }
}
