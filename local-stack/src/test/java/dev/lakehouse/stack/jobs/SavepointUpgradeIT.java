package dev.lakehouse.stack.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.Source;
import dev.lakehouse.replay.KafkaRecordSender;
import dev.lakehouse.replay.RecordSender;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.cli.LakehouseCli;
import dev.lakehouse.stack.flink.CheckpointSummary;
import dev.lakehouse.stack.testing.IcebergRows;
import dev.lakehouse.stack.testing.OracleTables;
import dev.lakehouse.stack.testing.RecordBuffer;
import dev.lakehouse.stack.testing.RecordBuffer.BufferedRecord;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A savepoint upgrade against the real components (Kafka broker, Iceberg REST catalog, Flink MiniCluster with its
 * REST API, the job jar): the first half of the sample seeds (in event-time order) goes through the running job,
 * {@code ./lakehouse jobs stop --savepoint} stops it, and {@code ./lakehouse jobs start --from-savepoint --jar NEW}
 * starts "a new version of the job jar" from that savepoint. The new version is the built job jar with one extra
 * resource ({@code META-INF/lakehouse-upgrade.txt}): a different file with a different checksum, uploaded and run as
 * a separate jar, with the same operators — what a release that changes no state looks like. Then the second half of
 * the seeds and some rows of the first half again are replayed, event time is moved past the end, and every table
 * must equal its oracle: bronze holds each CSV row exactly once (the repeated rows were dropped by de-duplication
 * state restored from the savepoint), and sessions, payment histories, SLA timers and gold aggregates that span the
 * upgrade are right. The new job must report the savepoint as the checkpoint it restored.
 */
class SavepointUpgradeIT {
    private static final Logger LOG = LoggerFactory.getLogger(SavepointUpgradeIT.class);
    private static final Path JOB_JAR = Path.of(System.getProperty("lakehouse.job.jar"));
    /** The job's default watermark bound: the final watermark is the heartbeat's time minus this, minus 1 ms. */
    private static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int REPEATED_ROWS = 200;
    private static final Pattern SAVEPOINT = Pattern.compile("^Savepoint: (\\S+)$", Pattern.MULTILINE);
    private static final Pattern JOB = Pattern.compile("^Job: ([0-9a-f]{32})$", Pattern.MULTILINE);

    @Test
    void aNewJobJarResumesFromASavepointOfTheOldOne() throws Exception {
        Path warehouse = Files.createTempDirectory("lakehouse-savepoint-upgrade-it");
        Path newJar = warehouse.resolveSibling(warehouse.getFileName() + "-job-v2.jar");
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(warehouse, Duration.ofSeconds(2)))) {
            long started = System.nanoTime();
            LocalStack.RunningJob oldJob = stack.submitJob(JOB_JAR);
            List<BufferedRecord> records = new ArrayList<>();
            ReplaySummary summary = ReplayProducer.run(ReplayOptions.builder(SeedFolders.sample())
                    .bootstrapServers(stack.bootstrapServers()).build(), new RecordBuffer(records));
            int half = records.size() / 2;

            send(stack, records.subList(0, half));
            stack.awaitDrained(oldJob.jobId(), WAIT, status -> {});
            LOG.info("First half ({} records) committed after {} ms", half, (System.nanoTime() - started) / 1_000_000);

            CliRun stop = cli("jobs", "stop", "--warehouse", warehouse.toString(), "--savepoint");
            assertThat(stop.exitCode()).as("jobs stop:\n%s", stop).isZero();
            String savepoint = group(SAVEPOINT, stop.out());
            assertThat(stack.flinkRest().jobState(oldJob.jobId())).isEqualTo("FINISHED");
            assertThat(Path.of(URI.create(savepoint.startsWith("file:") ? savepoint : "file:" + savepoint)))
                    .as("the savepoint is under the stack's savepoint folder, where a restart finds it too")
                    .startsWith(stack.savepointRoot("lakehouse"));

            writeNewVersion(JOB_JAR, newJar);
            CliRun start = cli("jobs", "start", "--warehouse", warehouse.toString(), "--from-savepoint", savepoint, "--jar", newJar.toString());
            assertThat(start.exitCode()).as("jobs start:\n%s", start).isZero();
            String newJobId = group(JOB, start.out());
            assertThat(newJobId).isNotEqualTo(oldJob.jobId());
            CheckpointSummary checkpoints = stack.flinkRest().checkpointSummary(newJobId);
            assertThat(checkpoints.restored().map(SavepointUpgradeIT::withoutScheme))
                    .as("the checkpoint the new job restored").contains(withoutScheme(savepoint));

            CliRun list = cli("jobs", "list", "--warehouse", warehouse.toString());
            assertThat(list.exitCode()).as("jobs list:\n%s", list).isZero();
            assertThat(list.out()).containsPattern(newJobId + "\\s+lakehouse\\s+RUNNING")
                    .containsPattern(oldJob.jobId() + "\\s+lakehouse\\s+FINISHED.*savepoint " + Pattern.quote(savepoint));
            CliRun second = cli("jobs", "start", "--warehouse", warehouse.toString(), "--from-savepoint", savepoint, "--jar", newJar.toString());
            assertThat(second.exitCode()).as("a second lakehouse job beside the running one").isEqualTo(1);
            assertThat(second.err()).contains("is still running: stop it first with `./lakehouse jobs stop --job lakehouse --savepoint`");

            List<BufferedRecord> rest = new ArrayList<>(records.subList(half, records.size()));
            // Rows the old version already wrote: only the de-duplication state restored from the savepoint keeps them out.
            rest.addAll(records.subList(Math.max(0, half - REPEATED_ROWS), half));
            send(stack, rest);
            Instant end = summary.lastEventTime().orElseThrow().plus(LocalStack.CLOSE_HISTORY_AFTER);
            stack.advanceEventTime(end);
            stack.awaitDrained(newJobId, WAIT, status -> {});
            LOG.info("Upgrade scenario drained after {} ms", (System.nanoTime() - started) / 1_000_000);

            assertTablesEqualTheOracles(stack, end);
        } finally {
            TempDirs.deleteRecursively(warehouse);
            Files.deleteIfExists(newJar);
        }
    }

    private static void assertTablesEqualTheOracles(LocalStack stack, Instant end) throws Exception {
        LocalDateTime finalWatermark = LocalDateTime.ofInstant(end.minus(MAX_OUT_OF_ORDERNESS).minusMillis(1), ZoneOffset.UTC);
        Map<String, String> differences;
        try (RESTCatalog catalog = stack.openCatalog()) {
            differences = OracleTables.differences(catalog, SeedFolders.sample(), finalWatermark);
            assertThat(IcebergRows.read(catalog, TableIdentifier.of("silver", "late_events")))
                    .as("nothing is late in an in-order replay, upgrade or not").isEmpty();
            // Exactly once, not merely the same keys: as many rows as the CSV files hold.
            Map<Source, Long> csvRows = SeedFolders.rowCounts(SeedFolders.sample());
            for (Source source : Source.values()) {
                assertThat((long) IcebergRows.read(catalog, TableIdentifier.of("bronze", source.sourceName())).size())
                        .as("rows of bronze.%s", source.sourceName()).isEqualTo(csvRows.get(source));
            }
        }
        assertThat(differences).as("tables that differ from the batch recomputation").isEmpty();
    }

    /** The built job jar plus one resource: another file, another checksum, the same job. */
    private static void writeNewVersion(Path jar, Path newJar) throws Exception {
        Files.copy(jar, newJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(newJar)) {
            Files.writeString(zip.getPath("META-INF", "lakehouse-upgrade.txt"), "version 2: same operators, same state\n",
                    StandardCharsets.UTF_8);
        }
        assertThat(Files.mismatch(jar, newJar)).as("the new version differs from the old jar").isNotNegative();
    }

    /** Runs {@code ./lakehouse ARGS} in this JVM, as the launcher does, capturing what it prints. */
    private static CliRun cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new picocli.CommandLine(new LakehouseCli())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        CliRun run = new CliRun(exitCode, out.toString(), err.toString());
        LOG.info("./lakehouse {} → {}", String.join(" ", args), run);
        return run;
    }

    private record CliRun(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out + err;
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in:\n%s", pattern, text).isTrue();
        return matcher.group(1);
    }

    /** Flink reports {@code file:/a/b}, the savepoint may be printed as {@code file:/a/b} or a path. */
    private static String withoutScheme(String location) {
        String path = location.startsWith("file:") ? Path.of(URI.create(location.replaceFirst("^file:/+", "file:///"))).toString() : location;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void send(LocalStack stack, List<BufferedRecord> records) {
        try (KafkaRecordSender sender = new KafkaRecordSender(stack.bootstrapServers(), new Properties())) {
            records.forEach(record -> sender.send(record.topic(), record.key(), record.value(), record.timestamp()));
            sender.flush();
            assertThat(sender.failure()).isNull();
        }
    }
}
