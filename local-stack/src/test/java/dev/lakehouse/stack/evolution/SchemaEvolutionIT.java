package dev.lakehouse.stack.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.ColumnsHeader;
import dev.lakehouse.contract.Source;
import dev.lakehouse.replay.KafkaRecordSender;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.testing.IcebergRows;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import dev.lakehouse.stack.testing.TrinoRows;
import dev.lakehouse.stack.trino.TrinoJdbc;
import dev.lakehouse.stack.trino.TrinoServer;
import dev.lakehouse.stack.trino.TrinoSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution without downtime, on the whole local stack (broker, REST catalog, Flink running the job jar, Trino):
 * the sample replayed with the contract's header, then a customer_events file whose header adds {@code coupon_code},
 * then one whose header lacks {@code customer_id} (and one such record written straight to the topic), all to the
 * same running job. The bronze table gains the column (Iceberg and Trino see it), older rows read NULL, new rows have
 * their values, the rows without a customer are dead letters with {@code missing_column}, silver and gold keep
 * committing, and the job never restarts.
 */
class SchemaEvolutionIT {
    private static final Path JOB_JAR = Path.of(System.getProperty("lakehouse.job.jar"));
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);
    private static final TableIdentifier EVENTS = BronzeTables.identifier(Source.CUSTOMER_EVENTS);
    private static final TableIdentifier CUSTOMER_SUMMARY = TableIdentifier.of(Namespace.of("gold"), "customer_summary");
    private static final String CONTRACT_HEADER = String.join(",", Source.CUSTOMER_EVENTS.header());
    private static final int COUPON_ROWS = 40;

    private static Path warehouse;
    private static Path files;
    private static LocalStack stack;
    private static LocalStack.RunningJob job;

    @BeforeAll
    static void startStack() throws Exception {
        warehouse = Files.createTempDirectory("lakehouse-schema-evolution-it");
        files = Files.createTempDirectory("lakehouse-schema-evolution-seeds");
        stack = LocalStack.start(StackSettings.ephemeral(warehouse, Duration.ofSeconds(2)).withTrino(TrinoSettings.enabledOn(0)));
        job = stack.submitJob(JOB_JAR);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        TempDirs.deleteRecursively(warehouse);
        TempDirs.deleteRecursively(files);
    }

    @Test
    void anAddedColumnReachesTheRunningTableAndAMissingRequiredOneIsRejected() throws Exception {
        // 1. The sample, with the contract's header.
        ReplaySummary sample = replay(SeedFolders.sample());
        Map<TableIdentifier, Long> before = stack.awaitDrained(job.jobId(), DRAIN_TIMEOUT, status -> {});
        long sampleEvents = SeedFolders.rowCounts(SeedFolders.sample()).get(Source.CUSTOMER_EVENTS);
        assertThat(sample.rejectedRows()).isZero();
        assertThat(before.get(EVENTS)).isEqualTo(sampleEvents);
        long checkpointBefore = stack.flinkRest().latestCompletedCheckpoint(job.jobId()).orElseThrow();

        // 2. A file whose header adds coupon_code: new customers, so gold gains rows for them.
        List<String> couponRows = new ArrayList<>();
        for (int i = 1; i <= COUPON_ROWS; i++) {
            couponRows.add(event("EVO%06d".formatted(i), "CUSTEVO%02d".formatted(i % 5), "2024-12-31 10:%02d:00".formatted(i))
                    + "," + (i % 4 == 0 ? "" : "SAVE" + i));
        }
        Path withCoupon = folder("with-coupon", CONTRACT_HEADER + ",coupon_code", couponRows);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        ReplaySummary evolved = ReplayProducer.run(ReplayOptions.builder(withCoupon).bootstrapServers(stack.bootstrapServers())
                .diagnostics(new PrintStream(diagnostics, true, StandardCharsets.UTF_8)).build());
        assertThat(evolved.rejectedRows()).isZero();
        assertThat(diagnostics.toString(StandardCharsets.UTF_8)).contains("extra columns [coupon_code]");

        // 3. Rows without customer_id: a file (the producer dead-letters them) and a record of another producer (bronze
        //    rejects it).
        String noCustomerHeader = CONTRACT_HEADER.replace("customer_id,", "");
        Path noCustomer = folder("no-customer", noCustomerHeader,
                List.of(event("EVN000001", null, "2024-12-31 11:00:00"), event("EVN000002", null, "2024-12-31 11:01:00")));
        ReplaySummary missing = replay(noCustomer);
        assertThat(missing.rejectedRows()).isEqualTo(2);
        sendRaw(event("EVN000003", null, "2024-12-31 11:02:00"), noCustomerHeader);

        Map<TableIdentifier, Long> after = stack.awaitDrained(job.jobId(), DRAIN_TIMEOUT, status -> {});

        try (RESTCatalog catalog = stack.openCatalog()) {
            Types.NestedField coupon = catalog.loadTable(EVENTS).schema().findField("coupon_code");
            assertThat(coupon).as("coupon_code in the bronze table's schema").isNotNull();
            assertThat(coupon.isOptional()).isTrue();
            assertThat(coupon.type()).isEqualTo(Types.StringType.get());

            List<Map<String, Object>> events = IcebergRows.readAsMaps(catalog, EVENTS);
            assertThat(events).hasSize((int) sampleEvents + COUPON_ROWS);
            assertThat(events).filteredOn(row -> row.get("event_id").toString().startsWith("EVT"))
                    .as("rows written before the column existed").hasSize((int) sampleEvents)
                    .allSatisfy(row -> assertThat(row.get("coupon_code")).isNull());
            Map<String, Object> coupons = events.stream().filter(row -> row.get("event_id").toString().startsWith("EVO"))
                    .collect(Collectors.toMap(row -> row.get("event_id").toString(), row -> String.valueOf(row.get("coupon_code"))));
            assertThat(coupons).hasSize(COUPON_ROWS).containsEntry("EVO000001", "SAVE1").containsEntry("EVO000004", "null");

            List<Map<String, Object>> rejected = IcebergRows.readAsMaps(catalog, BronzeTables.rejectedRecords());
            assertThat(rejected).hasSize(3).allSatisfy(row -> {
                assertThat(row.get("reason")).isEqualTo("missing_column");
                assertThat(row.get("detail").toString()).contains("customer_id");
                assertThat(row.get("source")).isEqualTo("customer_events");
            });
            assertThat(rejected).extracting(row -> row.get("rejected_by")).containsExactlyInAnyOrder("producer", "producer", "bronze");

            assertThat(IcebergRows.column(catalog, CUSTOMER_SUMMARY, "customer_id"))
                    .as("gold kept running: the new customers are summarised").contains("CUSTEVO01", "CUSTEVO00");
        }
        assertThat(after.get(CUSTOMER_SUMMARY)).isGreaterThan(before.get(CUSTOMER_SUMMARY));
        assertThat(stack.flinkRest().latestCompletedCheckpoint(job.jobId()).orElseThrow()).isGreaterThan(checkpointBefore);
        assertThat(stack.flinkRest().jobState(job.jobId())).isEqualTo("RUNNING");
        assertThat(stack.flinkRest().restartCount(job.jobId())).as("restarts").isZero();
        assertThat(stack.flinkRest().exceptionHistory(job.jobId())).as("failures").isEmpty();

        TrinoServer trino = stack.trino().orElseThrow(() -> new AssertionError("no Trino: " + stack.trinoUnavailableReason()));
        trino.awaitReady(Duration.ofMinutes(3));
        try (Connection connection = TrinoJdbc.connect(trino.uri())) {
            assertThat(TrinoRows.query(connection, "DESCRIBE iceberg.bronze.customer_events"))
                    .anySatisfy(column -> {
                        assertThat(column.get("Column")).isEqualTo("coupon_code");
                        assertThat(column.get("Type")).isEqualTo("varchar");
                    });
            assertThat(TrinoRows.query(connection, """
                    SELECT count(*) FILTER (WHERE coupon_code IS NULL) AS without_coupon,
                           count(*) FILTER (WHERE coupon_code = 'SAVE1') AS save1
                    FROM iceberg.bronze.customer_events""")).singleElement().satisfies(row -> {
                        assertThat(row.get("without_coupon")).isEqualTo(sampleEvents + COUPON_ROWS / 4);
                        assertThat(row.get("save1")).isEqualTo(1L);
                    });
        }
    }

    private static ReplaySummary replay(Path folder) {
        return ReplayProducer.run(ReplayOptions.builder(folder).bootstrapServers(stack.bootstrapServers()).build());
    }

    /** A customer event as a CSV line; {@code customer == null} leaves the column out. */
    private static String event(String id, String customer, String timestamp) {
        return id + (customer == null ? "" : "," + customer) + ",SESSEVO01,page_view," + timestamp
                + ",https://shop.example.com/,,,direct,mobile,ua,10.0.0.1";
    }

    private static Path folder(String name, String header, List<String> rows) throws Exception {
        Path folder = Files.createDirectories(files.resolve(name));
        Files.writeString(folder.resolve(Source.CUSTOMER_EVENTS.fileName()), header + "\n" + String.join("\n", rows) + "\n");
        return folder;
    }

    /** A record as another producer might send it, with its column names and no dead-lettering of its own. */
    private static void sendRaw(String value, String columns) {
        Properties properties = KafkaRecordSender.producerProperties(stack.bootstrapServers(), new Properties());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(ColumnsHeader.NAME, ColumnsHeader.encode(List.of(columns.split(","))).getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(Source.CUSTOMER_EVENTS.topic(stack.settings().topicPrefix()), null,
                    java.time.Instant.parse("2024-12-31T11:02:00Z").toEpochMilli(), "anyone".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                    headers));
            producer.flush();
        }
    }
}
