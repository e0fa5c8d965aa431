package dev.lakehouse.stack.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.lakehouse.badinput.BadRecord;
import dev.lakehouse.badinput.BadRecordGenerator;
import dev.lakehouse.badinput.BadRecordInjector;
import dev.lakehouse.badinput.BadRecordKind;
import dev.lakehouse.badinput.InjectBadRecordsCommand;
import dev.lakehouse.badinput.SentBadRecord;
import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.testing.IcebergRows;
import dev.lakehouse.stack.testing.Poll;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * The committed sample replayed with bad records of every kind written straight into every source topic before,
 * during and after it (the whole local stack: embedded broker, REST catalog, Flink with the submitted job jar). Every
 * good row lands once, every bad record is in {@code bronze.rejected_records} with its reason and Kafka coordinates (or
 * in bronze, for the kinds the contract keeps), and the job never restarts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {
    private static final Path JOB_JAR = Path.of(System.getProperty("lakehouse.job.jar"));
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);
    private static final int BAD_RECORDS = 600;
    private static final int BATCH = 40;
    private static final Instant RECORD_TIME = Instant.parse("2024-01-01T00:00:00Z");

    private static Path warehouse;
    private static LocalStack stack;
    private static LocalStack.RunningJob job;

    @BeforeAll
    static void startStack() throws Exception {
        warehouse = Files.createTempDirectory("lakehouse-bad-input-it");
        stack = LocalStack.start(StackSettings.ephemeral(warehouse, Duration.ofSeconds(2)));
        job = stack.submitJob(JOB_JAR);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        TempDirs.deleteRecursively(warehouse);
    }

    @Test
    @Order(1)
    void badRecordsOfEveryKindAreRejectedOrKeptAsTheContractSaysAndTheJobNeverRestarts() throws Exception {
        List<SentBadRecord> sent = Collections.synchronizedList(new ArrayList<>());
        ReplaySummary replay;
        try (BadRecordInjector injector = new BadRecordInjector(stack.bootstrapServers(), new Properties(), "", RECORD_TIME)) {
            List<List<BadRecord>> batches = batches(new BadRecordGenerator(11, RowParser.DEFAULT_MAX_RECORD_BYTES,
                    LocalDateTime.ofInstant(RECORD_TIME, ZoneOffset.UTC)).all(BAD_RECORDS));
            // Interleaved: a batch before the replay, most while it runs (same topics and partitions), one after it.
            sent.addAll(injector.send(batches.get(0).iterator()));
            CompletableFuture<Void> during = CompletableFuture.runAsync(() -> {
                for (List<BadRecord> batch : batches.subList(1, batches.size() - 1)) {
                    sent.addAll(injector.send(batch.iterator()));
                }
            });
            replay = ReplayProducer.run(ReplayOptions.builder(SeedFolders.sample()).bootstrapServers(stack.bootstrapServers()).build());
            during.join();
            sent.addAll(injector.send(batches.get(batches.size() - 1).iterator()));
        }
        Map<TableIdentifier, Long> counts = stack.awaitDrained(job.jobId(), DRAIN_TIMEOUT, status -> {});

        assertThat(replay.rejectedRows()).isZero();
        assertThat(sent).hasSize(BAD_RECORDS);
        assertThat(sent.stream().map(SentBadRecord::kind).collect(Collectors.toSet())).containsExactlyInAnyOrder(BadRecordKind.values());
        assertThat(sent.stream().map(SentBadRecord::source).collect(Collectors.toSet())).containsExactlyInAnyOrder(Source.values());

        try (RESTCatalog catalog = stack.openCatalog()) {
            for (Source source : Source.values()) {
                Set<String> expected = new HashSet<>(seedKeys(source));
                sent.stream().filter(r -> r.source() == source && r.kind().kept()).forEach(r -> expected.add(r.primaryKey()));
                List<String> landed = IcebergRows.column(catalog, BronzeTables.identifier(source), source.primaryKey().name());

                assertThat(counts.get(BronzeTables.identifier(source))).as(source.sourceName()).isEqualTo(expected.size());
                assertThat(landed).as("%s lands every good row exactly once", source.sourceName())
                        .hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
            }

            Map<String, String> expectedRejections = new HashMap<>();
            Map<String, Integer> expectedSizes = new HashMap<>();
            for (SentBadRecord record : sent) {
                record.expectedReason().ifPresent(reason -> {
                    String at = record.topic() + "/" + record.partition() + "@" + record.offset();
                    expectedRejections.put(at, record.source().sourceName() + ":" + reason.code());
                    expectedSizes.put(at, record.size());
                });
            }
            List<Map<String, Object>> rejected = IcebergRows.readAsMaps(catalog, BronzeTables.rejectedRecords());
            Map<String, String> actualRejections = new HashMap<>();
            for (Map<String, Object> row : rejected) {
                actualRejections.put(coordinates(row), row.get("source") + ":" + row.get("reason"));
            }

            assertThat(rejected).as("exactly the injected bad records, once each").hasSize(expectedRejections.size());
            assertThat(actualRejections).isEqualTo(expectedRejections);
            assertThat(rejected).allSatisfy(row -> {
                assertThat(row.get("rejected_by")).isEqualTo("bronze");
                assertThat(row.get("kafka_timestamp")).isNotNull();
                String payload = (String) row.get("raw_payload");
                Integer size = (Integer) row.get("raw_size_bytes");
                if (payload == null) {
                    assertThat(size).as("only a record without a value has no payload").isNull();
                } else {
                    assertThat(size).isEqualTo(expectedSizes.get(coordinates(row)));
                    assertThat(payload.length()).as("stored payload is bounded").isLessThanOrEqualTo(RowParser.DEFAULT_MAX_RECORD_BYTES);
                }
            });
            assertThat(rejected).filteredOn(row -> Integer.valueOf(BadRecordKind.HUGE_BYTES).equals(row.get("raw_size_bytes")))
                    .hasSize(Source.values().length)
                    .allSatisfy(row -> assertThat(row.get("reason")).isEqualTo("oversized"));
        }

        assertThat(stack.flinkRest().restartCount(job.jobId())).as("restarts").isZero();
        assertThat(stack.flinkRest().exceptionHistory(job.jobId())).as("failures").isEmpty();
        assertThat(stack.flinkRest().jobState(job.jobId())).isEqualTo("RUNNING");
        long drainedAt = stack.flinkRest().latestCompletedCheckpoint(job.jobId()).orElseThrow();
        Poll.until(Duration.ofMinutes(1), "a checkpoint after the drain (the job is still healthy)", () -> {
            try {
                OptionalLong latest = stack.flinkRest().latestCompletedCheckpoint(job.jobId());
                return latest.isPresent() && latest.getAsLong() > drainedAt;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    @Test
    @Order(2)
    void theCommandWritesEveryKindAndPrintsWhatItSent() throws Exception {
        Map<TableIdentifier, Long> before;
        try (RESTCatalog catalog = stack.openCatalog()) {
            before = new HashMap<>();
            for (TableIdentifier table : LocalStack.bronzeTables()) {
                before.put(table, (long) IcebergRows.read(catalog, table).size());
            }
        }
        StringWriter printed = new StringWriter();

        int exit = new CommandLine(new InjectBadRecordsCommand()).setOut(new PrintWriter(printed))
                .execute("--bootstrap-servers", stack.bootstrapServers(), "--count", "150", "--seed", "5");
        Map<TableIdentifier, Long> after = stack.awaitDrained(job.jobId(), DRAIN_TIMEOUT, status -> {});

        assertThat(exit).isZero();
        List<BadRecord> expected = new BadRecordGenerator(5, RowParser.DEFAULT_MAX_RECORD_BYTES,
                LocalDateTime.ofInstant(RECORD_TIME, ZoneOffset.UTC)).all(150);
        for (BadRecordKind kind : BadRecordKind.values()) {
            assertThat(printed.toString()).contains(kind.code());
        }
        assertThat(printed.toString()).contains("150 records");
        assertThat(after.get(BronzeTables.rejectedRecords()) - before.get(BronzeTables.rejectedRecords()))
                .isEqualTo(expected.stream().filter(r -> !r.kind().kept()).count());
        for (Source source : Source.values()) {
            assertThat(after.get(BronzeTables.identifier(source)) - before.get(BronzeTables.identifier(source))).as(source.sourceName())
                    .isEqualTo(expected.stream().filter(r -> r.kind().kept() && r.source() == source).count());
        }
        assertThat(stack.flinkRest().restartCount(job.jobId())).as("restarts").isZero();
    }

    private static List<List<BadRecord>> batches(List<BadRecord> records) {
        List<List<BadRecord>> batches = new ArrayList<>();
        for (int from = 0; from < records.size(); from += BATCH) {
            batches.add(records.subList(from, Math.min(records.size(), from + BATCH)));
        }
        return batches;
    }

    private static String coordinates(Map<String, Object> row) {
        return row.get("kafka_topic") + "/" + row.get("kafka_partition") + "@" + row.get("kafka_offset");
    }

    private static List<String> seedKeys(Source source) throws IOException {
        List<String> keys = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(SeedFolders.sample().resolve(source.fileName()))) {
            Iterator<CsvRecord> rows = reader.iterator();
            rows.next(); // header
            rows.forEachRemaining(row -> keys.add(row.getField(source.primaryKeyIndex())));
        }
        return keys;
    }
}
