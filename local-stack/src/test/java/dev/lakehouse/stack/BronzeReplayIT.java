package dev.lakehouse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.testing.IcebergRows;
import dev.lakehouse.stack.testing.KafkaTestBroker;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Seeds → producer → a real broker → the bronze job jar on Flink → Iceberg through the REST catalog. The steps
 * build on each other (one warehouse), so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BronzeReplayIT {
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);
    private static final Path JOB_JAR = Path.of(System.getProperty("lakehouse.job.jar"));

    private static KafkaTestBroker kafka;
    private static Path warehouse;
    private static LocalStack stack;
    private static LocalStack.RunningJob job;
    private static Map<Source, Long> sampleCounts;

    @BeforeAll
    static void startStack() throws Exception {
        kafka = KafkaTestBroker.start();
        warehouse = Files.createTempDirectory("lakehouse-bronze-it");
        stack = LocalStack.start(settings());
        job = stack.submitJob(JOB_JAR);
        sampleCounts = SeedFolders.rowCounts(SeedFolders.sample());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        TempDirs.deleteRecursively(warehouse);
    }

    /** The stack around the test broker: Testcontainers' Kafka where Docker runs, the in-process broker otherwise. */
    private static StackSettings settings() {
        return StackSettings.ephemeral(warehouse, Duration.ofSeconds(2)).withExternalKafka(kafka.bootstrapServers());
    }

    @Test
    @Order(1)
    void sampleReplayLandsEveryRowInItsTable() throws Exception {
        ReplaySummary summary = replay(SeedFolders.sample());
        Map<TableIdentifier, Long> counts = stack.awaitDrained(job.jobId(), DRAIN_TIMEOUT, status -> {});

        assertThat(summary.rejectedRows()).isZero();
        for (Source source : Source.values()) {
            assertThat(counts.get(BronzeTables.identifier(source))).as(source.sourceName()).isEqualTo(sampleCounts.get(source));
        }
        assertThat(counts.get(BronzeTables.rejectedRecords())).isZero();
        try (RESTCatalog catalog = stack.openCatalog()) {
            List<Record> events = IcebergRows.read(catalog, BronzeTables.identifier(Source.CUSTOMER_EVENTS));
            assertThat(events).allSatisfy(row -> {
                assertThat(row.getField("event_timestamp")).isInstanceOf(java.time.LocalDateTime.class);
                assertThat(row.getField("source_system")).isEqualTo("customer_events");
                assertThat(row.getField("kafka_topic")).isEqualTo("customer_events");
            });
        }
    }

    @Test
    @Order(2)
    void replayingTheSampleAgainDoublesNothing() throws Exception {
        replay(SeedFolders.sample());
        Map<TableIdentifier, Long> counts = stack.awaitDrained(job.jobId(), DRAIN_TIMEOUT, status -> {});

        for (Source source : Source.values()) {
            assertThat(counts.get(BronzeTables.identifier(source))).as(source.sourceName()).isEqualTo(sampleCounts.get(source));
        }
        try (RESTCatalog catalog = stack.openCatalog()) {
            List<String> ids = IcebergRows.column(catalog, BronzeTables.identifier(Source.PAYMENT_TRANSACTIONS), "transaction_id");
            assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        }
    }

    @Test
    @Order(3)
    void badRowsGoToRejectedRecordsWithTheirReasonAndGoodRowsStillLand() throws Exception {
        Path seeds = Files.createTempDirectory(warehouse, "bad-seeds");
        String header = String.join(",", Source.CUSTOMER_EVENTS.header());
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        events.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
        events.writeBytes(line("EVT900000001,CUST000001,SESS90000001,page_view,2024-06-01 10:00:00,/,,,google,mobile,ua,1.2.3.4"));
        events.writeBytes(line("EVT900000002,CUST000001,SESS90000001,page_view,2024-06-01 10:00:05,/,,,google,mobile"));
        events.writeBytes(line("EVT900000003,CUST000001,SESS90000001,page_view,2024-06-01 25:00:00,/,,,google,mobile,ua,1.2.3.4"));
        events.writeBytes(line(",CUST000001,SESS90000001,page_view,2024-06-01 10:00:10,/,,,google,mobile,ua,1.2.3.4"));
        events.writeBytes(line("EVT900000005,CUST000001,SESS90000001,page_view,2024-06-01 10:00:20,/,,,google,mobile,ua,1.2.3.4"));
        byte[] invalidUtf8 = line("EVT900000006,CUST000001,SESS90000001,page_view,2024-06-01 10:00:30,/,,,google,mobile,uaXX,1.2.3.4");
        int at = new String(invalidUtf8, StandardCharsets.ISO_8859_1).indexOf("uaXX") + 2;
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8[at + 1] = (byte) 0x28;
        events.writeBytes(invalidUtf8);
        Files.write(seeds.resolve(Source.CUSTOMER_EVENTS.fileName()), events.toByteArray());
        Files.writeString(seeds.resolve(Source.PAYMENT_TRANSACTIONS.fileName()), String.join(",", Source.PAYMENT_TRANSACTIONS.header()) + "\n"
                + "TXN900000001,ORD900000001,CUST000001,credit_card,completed,12x.00,USD,2024-06-01 10:01:00,00,0.30,MERCH0001,US,1.0\n"
                + "TXN900000002,ORD900000002,CUST000001,credit_card,completed,12.00,USD,2024-06-01 10:02:00,00,0.30,MERCH0001,US,1.0\n");
        // Records that bypass the producer's checks reach the job as they are; it must reject them itself.
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Source.SUPPORT_TICKETS.topic(""), "TKT1,only,three".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(Source.SUPPORT_TICKETS.topic(""), new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00})).get();
        }

        ReplaySummary summary = replay(seeds);
        Map<TableIdentifier, Long> counts = stack.awaitDrained(job.jobId(), DRAIN_TIMEOUT, status -> {});

        assertThat(summary.rejectedRows()).isEqualTo(5);
        assertThat(stack.flinkRest().jobState(job.jobId())).isEqualTo("RUNNING");
        assertThat(counts.get(BronzeTables.identifier(Source.CUSTOMER_EVENTS))).isEqualTo(sampleCounts.get(Source.CUSTOMER_EVENTS) + 2);
        assertThat(counts.get(BronzeTables.identifier(Source.PAYMENT_TRANSACTIONS))).isEqualTo(sampleCounts.get(Source.PAYMENT_TRANSACTIONS) + 1);
        try (RESTCatalog catalog = stack.openCatalog()) {
            assertThat(IcebergRows.column(catalog, BronzeTables.identifier(Source.CUSTOMER_EVENTS), "event_id"))
                    .contains("EVT900000001", "EVT900000005");
            List<Record> rejected = IcebergRows.read(catalog, BronzeTables.rejectedRecords());
            assertThat(rejected).extracting(r -> r.getField("rejected_by") + ":" + r.getField("reason"))
                    .containsExactlyInAnyOrder(
                            "producer:wrong_column_count", "producer:bad_timestamp", "producer:missing_primary_key",
                            "producer:invalid_utf8", "producer:bad_number",
                            "bronze:wrong_column_count", "bronze:invalid_utf8");
            assertThat(rejected).filteredOn(r -> "producer".equals(r.getField("rejected_by"))).allSatisfy(r -> {
                assertThat((String) r.getField("origin_file")).endsWith(".csv");
                assertThat((Long) r.getField("origin_line")).isPositive();
                assertThat(r.getField("raw_payload")).isNotNull();
            });
            assertThat(rejected).allSatisfy(r -> assertThat(r.getField("kafka_offset")).isNotNull());
        }
    }

    @Test
    @Order(4)
    void restartOnTheSameWarehouseKeepsTheDataAndStillDropsRepeats() throws Exception {
        Map<TableIdentifier, Long> before;
        try (RESTCatalog catalog = stack.openCatalog()) {
            before = countAll(catalog);
        }
        stack.close();
        stack = LocalStack.start(settings());
        job = stack.submitJob(JOB_JAR);
        assertThat(job.resumedFrom()).as("resumes from the retained checkpoint").isPresent();

        replay(SeedFolders.sample());
        Map<TableIdentifier, Long> after = stack.awaitDrained(job.jobId(), DRAIN_TIMEOUT, status -> {});

        assertThat(after).as("bronze counts after the restart").containsAllEntriesOf(before);
    }

    private static Map<TableIdentifier, Long> countAll(RESTCatalog catalog) {
        Map<TableIdentifier, Long> counts = new java.util.LinkedHashMap<>();
        for (TableIdentifier id : LocalStack.bronzeTables()) {
            counts.put(id, (long) IcebergRows.read(catalog, id).size());
        }
        return counts;
    }

    private static ReplaySummary replay(Path seeds) {
        return ReplayProducer.run(ReplayOptions.builder(seeds).bootstrapServers(stack.bootstrapServers()).build());
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
