package dev.lakehouse.stack.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.oracle.GoldOracle;
import dev.lakehouse.oracle.RowComparison;
import dev.lakehouse.oracle.SeedData;
import dev.lakehouse.oracle.SilverOracle;
import dev.lakehouse.replay.DeadLetter;
import dev.lakehouse.replay.KafkaRecordSender;
import dev.lakehouse.replay.RecordSender;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.seeds.SeedCounts;
import dev.lakehouse.seeds.SeedGeneration;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.testing.IcebergRows;
import dev.lakehouse.stack.testing.KafkaTestBroker;
import dev.lakehouse.stack.testing.TempDirs;
import dev.lakehouse.stack.testing.TrinoRows;
import dev.lakehouse.stack.trino.TrinoJdbc;
import dev.lakehouse.stack.trino.TrinoServer;
import dev.lakehouse.stack.trino.TrinoSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.Test;

/**
 * Convergence: after a replay has drained and event time has passed the end of the data, every silver table (read
 * from Iceberg) and every gold table (read back through Trino) equals the independent batch recomputation of
 * {@code semantics.md}, row by row; and no snapshot of a gold table ever holds two rows for one key.
 */
class LakehouseConvergenceIT {
    private static final Path JOB_JAR = Path.of(System.getProperty("lakehouse.job.jar"));
    /** The job's default watermark bound: the final watermark is the heartbeat's time minus this, minus 1 ms. */
    private static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    private static final int SNAPSHOTS_CHECKED = 12;

    /**
     * 1 % of full scale (38,000 rows of coherent sessions, funnels, payments and tickets), sent out of order within
     * the watermark bound. In-order replay is the case with no displacement, and the sample seeds are compared with the
     * same batch recomputation by {@code MultiProcessClusterIT} and {@code SavepointUpgradeIT}: each run here costs a
     * whole stack with Trino, so there is one.
     */
    @Test
    void aGeneratedOnePercentSetSentShuffledInsideTheWatermarkBoundConverges() throws Exception {
        Path seeds = Files.createTempDirectory("lakehouse-one-percent");
        try {
            SeedGeneration.generate(seeds, SeedCounts.scaled(0.01), 7, new PrintStream(OutputStream.nullOutputStream()));
            assertConverges(seeds);
        } finally {
            TempDirs.deleteRecursively(seeds);
        }
    }

    private static void assertConverges(Path seeds) throws Exception {
        Path warehouse = Files.createTempDirectory("lakehouse-convergence-it");
        try (KafkaTestBroker kafka = KafkaTestBroker.start();
                LocalStack stack = LocalStack.start(StackSettings.ephemeral(warehouse, Duration.ofSeconds(2))
                        .withExternalKafka(kafka.bootstrapServers())
                        .withTrino(TrinoSettings.enabledOn(0)))) {
            TrinoServer trino = stack.trino().orElseThrow(() -> new AssertionError("no Trino: " + stack.trinoUnavailableReason()));
            LocalStack.RunningJob job = stack.submitJob(JOB_JAR);
            ReplaySummary summary = replayShuffled(seeds, stack.bootstrapServers());
            Instant end = summary.lastEventTime().orElseThrow().plus(LocalStack.CLOSE_HISTORY_AFTER);
            stack.advanceEventTime(end);
            stack.awaitDrained(job.jobId(), Duration.ofMinutes(5), status -> {});
            trino.awaitReady(Duration.ofMinutes(3));

            LocalDateTime finalWatermark = LocalDateTime.ofInstant(end.minus(MAX_OUT_OF_ORDERNESS).minusMillis(1), ZoneOffset.UTC);
            SeedData data = SeedData.read(seeds);
            SilverOracle silver = new SilverOracle(data);
            GoldOracle gold = new GoldOracle(data, silver);
            Map<String, String> differences = new LinkedHashMap<>();
            try (RESTCatalog catalog = stack.openCatalog()) {
                compare(differences, "silver.customer_sessions", silver.customerSessions(), SilverOracle.CUSTOMER_SESSIONS_KEY, catalog);
                compare(differences, "silver.payment_analysis", silver.paymentAnalysis(), SilverOracle.PAYMENT_ANALYSIS_KEY, catalog);
                compare(differences, "silver.customer_payment_profile", silver.customerPaymentProfile(),
                        SilverOracle.CUSTOMER_PAYMENT_PROFILE_KEY, catalog);
                compare(differences, "silver.inventory_health", silver.inventoryHealth(), SilverOracle.INVENTORY_HEALTH_KEY, catalog);
                compare(differences, "silver.support_metrics", silver.supportMetrics(finalWatermark), SilverOracle.SUPPORT_METRICS_KEY, catalog);
                compare(differences, "silver.sla_breaches", silver.slaBreaches(finalWatermark), SilverOracle.SLA_BREACHES_KEY, catalog);
                compare(differences, "silver.agent_performance", silver.agentPerformance(), SilverOracle.AGENT_PERFORMANCE_KEY, catalog);
                assertThat(IcebergRows.read(catalog, TableIdentifier.of("silver", "late_events")))
                        .as("nothing is late when events stay inside the watermark bound").isEmpty();
            }
            try (Connection connection = TrinoJdbc.connect(trino.uri())) {
                compareThroughTrino(differences, connection, "customer_summary", gold.customerSummary(), GoldOracle.CUSTOMER_SUMMARY_KEY);
                compareThroughTrino(differences, connection, "daily_metrics", gold.dailyMetrics(), GoldOracle.DAILY_METRICS_KEY);
                compareThroughTrino(differences, connection, "product_summary", gold.productSummary(), GoldOracle.PRODUCT_SUMMARY_KEY);
                for (String table : List.of("customer_summary", "daily_metrics", "product_summary")) {
                    assertEverySnapshotHasOneRowPerKey(connection, table);
                }
            }
            assertThat(differences).as("tables that differ from the batch recomputation").isEmpty();
        } finally {
            TempDirs.deleteRecursively(warehouse);
        }
    }

    private static void compare(Map<String, String> differences, String table, List<Map<String, Object>> expected, List<String> keys,
            RESTCatalog catalog) {
        RowComparison.Result result = RowComparison.compare(expected, IcebergRows.readAsMaps(catalog, TableIdentifier.parse(table)), keys);
        if (!result.isEmpty()) {
            differences.put(table, result.toString());
        }
    }

    private static void compareThroughTrino(Map<String, String> differences, Connection connection, String table,
            List<Map<String, Object>> expected, List<String> keys) throws Exception {
        RowComparison.Result result = RowComparison.compare(expected, TrinoRows.query(connection, "SELECT * FROM iceberg.gold." + table), keys);
        if (!result.isEmpty()) {
            differences.put("gold." + table, result.toString());
        }
    }

    /**
     * An upsert commit is one snapshot: none may show a key twice (a delete without its insert, or the reverse). A
     * two-second checkpoint interval leaves dozens to hundreds of snapshots; a dozen spread over the run, the first and
     * the last included, are read.
     */
    private static void assertEverySnapshotHasOneRowPerKey(Connection connection, String table) throws Exception {
        String key = switch (table) {
            case "customer_summary" -> "customer_id";
            case "daily_metrics" -> "metric_date";
            default -> "product_id";
        };
        List<Map<String, Object>> snapshots = TrinoRows.query(connection,
                "SELECT snapshot_id FROM iceberg.gold.\"" + table + "$snapshots\" ORDER BY committed_at");
        assertThat(snapshots).as("gold.%s commits", table).hasSizeGreaterThan(1);
        int step = Math.max(1, snapshots.size() / SNAPSHOTS_CHECKED);
        List<Map<String, Object>> checked = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i += step) {
            checked.add(snapshots.get(i));
        }
        checked.add(snapshots.get(snapshots.size() - 1));
        for (Map<String, Object> snapshot : checked) {
            Object id = snapshot.get("snapshot_id");
            Map<String, Object> counts = TrinoRows.query(connection, "SELECT count(*) AS row_count, count(DISTINCT " + key
                    + ") AS key_count FROM iceberg.gold." + table + " FOR VERSION AS OF " + id).get(0);
            assertThat(counts.get("row_count")).as("gold.%s at snapshot %s", table, id).isEqualTo(counts.get("key_count"));
        }
    }

    /**
     * Sends the seeds with each record displaced by up to 4 s of event time (less than the 5 s watermark bound), so
     * arrival order differs from event time but nothing is late.
     */
    private static ReplaySummary replayShuffled(Path seeds, String bootstrapServers) {
        List<Buffered> records = new ArrayList<>();
        RecordSender buffer = new RecordSender() {
            @Override
            public void send(String topic, byte[] key, byte[] value, long timestampMillis) {
                records.add(new Buffered(topic, key, value, timestampMillis));
            }

            @Override
            public void sendDeadLetter(String topic, DeadLetter deadLetter) {
                throw new AssertionError("the seeds hold no bad rows");
            }

            @Override
            public void flush() {}

            @Override
            public Throwable failure() {
                return null;
            }

            @Override
            public void close() {}
        };
        ReplaySummary summary = ReplayProducer.run(ReplayOptions.builder(seeds).bootstrapServers(bootstrapServers).build(), buffer);
        Random random = new Random(42);
        records.forEach(record -> record.sendAt = record.timestamp + random.nextInt(4_000));
        records.sort(Comparator.comparingLong(record -> record.sendAt));
        try (KafkaRecordSender sender = new KafkaRecordSender(bootstrapServers, new Properties())) {
            records.forEach(record -> sender.send(record.topic, record.key, record.value, record.timestamp));
            sender.flush();
            assertThat(sender.failure()).isNull();
        }
        return summary;
    }

    private static final class Buffered {
        final String topic;
        final byte[] key;
        final byte[] value;
        final long timestamp;
        long sendAt;

        Buffered(String topic, byte[] key, byte[] value, long timestamp) {
            this.topic = topic;
            this.key = key;
            this.value = value;
            this.timestamp = timestamp;
        }
    }
}
