package dev.lakehouse.stack.trino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.Source;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySpeed;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.cli.SqlCommand;
import dev.lakehouse.stack.testing.KafkaTestBroker;
import dev.lakehouse.stack.testing.LoopbackAssertions;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * Trino on live tables: the whole stack (broker, REST catalog, Flink running the job jar, a real Trino server)
 * while a replay commits a checkpoint every two seconds. The steps share one warehouse, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrinoLiveQueryIT {
    private static final Path JOB_JAR = Path.of(System.getProperty("lakehouse.job.jar"));
    private static final Path SQL_DIR = Path.of(System.getProperty("lakehouse.sql", "../sql")).resolve("trino");
    /** The sample's events span 2024; this speed-up replays them in about 30 s, so about 15 checkpoints commit. */
    private static final ReplaySpeed REPLAY_SPEED = ReplaySpeed.times(366 * 86_400 / 30.0);

    private static KafkaTestBroker kafka;
    private static Path warehouse;
    private static LocalStack stack;
    private static TrinoServer trino;
    private static LocalStack.RunningJob job;
    private static Map<Source, Long> sampleCounts;

    @BeforeAll
    static void startStack() throws Exception {
        kafka = KafkaTestBroker.start();
        warehouse = Files.createTempDirectory("lakehouse-trino-it");
        stack = LocalStack.start(StackSettings.ephemeral(warehouse, Duration.ofSeconds(2))
                .withExternalKafka(kafka.bootstrapServers())
                .withTrino(TrinoSettings.enabledOn(0)));
        trino = stack.trino().orElseThrow(() -> new AssertionError("no Trino: " + stack.trinoUnavailableReason()));
        job = stack.submitJob(JOB_JAR);
        trino.awaitReady(Duration.ofMinutes(3));
        try (Connection connection = TrinoJdbc.connect(trino.uri())) {
            // The first queries of a cold Trino take seconds: warm it up so the live phase polls often.
            TrinoJdbc.retryWhileNoNodes(() -> countsInOneQuery(connection));
            TrinoJdbc.retryWhileNoNodes(() -> committedTotals(connection));
        }
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

    @Test
    @Order(1)
    void trinoListensOnLoopbackOnly() {
        LoopbackAssertions.assertLoopbackOnly(trino.uri().getPort());
    }

    @Test
    @Order(2)
    void queriesDuringTheReplaySeeWholeCheckpointsThatNeverShrink() throws Exception {
        CompletableFuture<ReplaySummary> replay = CompletableFuture.supplyAsync(() -> ReplayProducer.run(
                ReplayOptions.builder(SeedFolders.sample()).bootstrapServers(stack.bootstrapServers()).speed(REPLAY_SPEED).build()));
        Map<Source, Long> last = new EnumMap<>(Source.class);
        TreeSet<Long> eventCountsSeen = new TreeSet<>();
        try (Connection connection = TrinoJdbc.connect(trino.uri())) {
            while (!replay.isDone()) {
                Map<Source, Long> counts = countsInOneQuery(connection);
                Map<Source, Set<Long>> committed = committedTotals(connection);
                for (Source source : Source.values()) {
                    long count = counts.get(source);
                    assertThat(count).as("%s never shrinks", source).isGreaterThanOrEqualTo(last.getOrDefault(source, 0L));
                    assertThat(committed.get(source)).as("%s: %d rows is the total of a committed snapshot", source, count)
                            .contains(count);
                    last.put(source, count);
                }
                eventCountsSeen.add(counts.get(Source.CUSTOMER_EVENTS));
            }
            assertThat(replay.get().rejectedRows()).isZero();

            stack.awaitDrained(job.jobId(), Duration.ofMinutes(3), status -> {});

            assertThat(countsInOneQuery(connection)).isEqualTo(sampleCounts);
        }
        assertThat(eventCountsSeen.headSet(sampleCounts.get(Source.CUSTOMER_EVENTS)))
                .as("partial counts seen while the replay ran")
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(3)
    void timeTravelReturnsAnEarlierSnapshotsCount() throws Exception {
        try (Connection connection = TrinoJdbc.connect(trino.uri()); Statement statement = connection.createStatement()) {
            ResultSet earlier = statement.executeQuery("""
                    SELECT snapshot_id, CAST(element_at(summary, 'total-records') AS bigint), CAST(committed_at AS varchar)
                    FROM iceberg.bronze."customer_events$snapshots"
                    WHERE CAST(element_at(summary, 'total-records') AS bigint) BETWEEN 1 AND %d
                    ORDER BY committed_at LIMIT 1""".formatted(sampleCounts.get(Source.CUSTOMER_EVENTS) - 1));
            assertThat(earlier.next()).as("an intermediate snapshot exists").isTrue();
            long snapshotId = earlier.getLong(1);
            long rowsThen = earlier.getLong(2);
            String committedAt = earlier.getString(3);

            assertThat(single(statement, "SELECT count(*) FROM iceberg.bronze.customer_events FOR VERSION AS OF " + snapshotId))
                    .isEqualTo(rowsThen);
            assertThat(single(statement, "SELECT count(*) FROM iceberg.bronze.customer_events FOR TIMESTAMP AS OF TIMESTAMP '"
                    + committedAt + "'")).isEqualTo(rowsThen);
            assertThat(single(statement, "SELECT count(*) FROM iceberg.bronze.customer_events"))
                    .isEqualTo(sampleCounts.get(Source.CUSTOMER_EVENTS));
        }
    }

    @Test
    @Order(4)
    void everyFileUnderSqlTrinoRunsThroughTheSqlCommand() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SQL_DIR)) {
            files = listing.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Path file : files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new CommandLine(new SqlCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .execute("--warehouse", warehouse.toString(), "-f", file.toString());
            if (exit != 0) {
                failures.put(file.getFileName().toString(), err.toString(StandardCharsets.UTF_8));
            } else {
                assertThat(out.toString(StandardCharsets.UTF_8)).as(file.getFileName().toString()).isNotBlank();
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Row counts of the four bronze tables, read by one statement. */
    private static Map<Source, Long> countsInOneQuery(Connection connection) throws SQLException {
        String query = Stream.of(Source.values())
                .map(source -> "(SELECT count(*) FROM iceberg.bronze." + source.sourceName() + ")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
        Map<Source, Long> counts = new EnumMap<>(Source.class);
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            for (Source source : Source.values()) {
                counts.put(source, rows.getLong(source.ordinal() + 1));
            }
        }
        return counts;
    }

    /** Row totals after each snapshot committed so far (and 0, before the first), per table. */
    private static Map<Source, Set<Long>> committedTotals(Connection connection) throws SQLException {
        String query = Stream.of(Source.values())
                .map(source -> "SELECT '" + source.sourceName() + "', CAST(element_at(summary, 'total-records') AS bigint)"
                        + " FROM iceberg.bronze.\"" + source.sourceName() + "$snapshots\"")
                .collect(Collectors.joining(" UNION ALL "));
        Map<Source, Set<Long>> totals = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            totals.put(source, new HashSet<>(Set.of(0L)));
        }
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                totals.get(Source.byName(rows.getString(1)).orElseThrow()).add(rows.getLong(2));
            }
        }
        return totals;
    }

    private static long single(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getLong(1);
        }
    }
}
