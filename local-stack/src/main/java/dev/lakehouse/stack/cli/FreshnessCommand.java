package dev.lakehouse.stack.cli;

import dev.lakehouse.contract.Source;
import dev.lakehouse.gold.GoldTable;
import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplayProgress;
import dev.lakehouse.replay.ReplaySpeed;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.drain.DrainWatcher;
import dev.lakehouse.stack.freshness.FreshnessFigures;
import dev.lakehouse.stack.freshness.JobBacklog;
import dev.lakehouse.stack.trino.GoldScans;
import dev.lakehouse.stack.trino.TrinoJdbc;
import dev.lakehouse.stack.trino.TrinoServer;
import dev.lakehouse.stack.trino.TrinoSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Freshness of gold: while the producer replays at a steady rate, probe payments of new customers are produced every
 * two seconds and Trino is polled until each one's row appears in {@code gold.customer_summary}. Prints p50, p95 and
 * max of produce → visible against the target, whether the job kept up with the rate (its Kafka lag), and the
 * full-scan time of each gold table at the start and at the end (maintenance on).
 */
@Command(name = "freshness", mixinStandardHelpOptions = true,
        description = "Measure how long a produced record takes to show in gold through Trino, at a steady replay rate.")
public final class FreshnessCommand implements Callable<Integer> {
    private static final String PROBE_CUSTOMER = "CUSTP%05d";
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--rate", defaultValue = "20000", description = "Replay rate in rows per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--scale", defaultValue = "1.0", description = "Data set scale; 1.0 = 3.8 M rows (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = LakehouseJob.DurationConverter.class,
            description = "Flink checkpoint interval (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--probe-interval", defaultValue = "2s", converter = LakehouseJob.DurationConverter.class,
            description = "How often a probe record is produced (default: ${DEFAULT-VALUE}).")
    Duration probeInterval;

    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(30);

    private final PrintStream out = System.out;
    private final Map<String, Long> probesSentAtNanos = new ConcurrentHashMap<>();
    private final List<Double> freshnessSeconds = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Integer call() throws Exception {
        Path seedsDir = ProjectLayout.home().resolve(".lakehouse/bench-seeds-" + scale);
        BenchCommand.ensureSeeds(seedsDir, scale, out);
        long rows = 0;
        for (Source source : Source.values()) {
            try (var lines = Files.lines(seedsDir.resolve(source.fileName()), StandardCharsets.UTF_8)) {
                rows += lines.count() - 1;
            }
        }
        // The generated data spans 2024 evenly: this speed-up sends about `rate` rows per second.
        ReplaySpeed speed = ReplaySpeed.times(rate * 366 * 86_400 / rows);
        Path warehouse = Files.createDirectories(ProjectLayout.home().resolve(".lakehouse"))
                .resolve("freshness-warehouse-" + System.currentTimeMillis());
        List<String> report = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(warehouse, checkpointInterval).withTrino(TrinoSettings.enabledOn(0)))) {
            TrinoServer trino = stack.trino().orElseThrow(() -> new IllegalStateException(stack.trinoUnavailableReason().orElse("no Trino")));
            LocalStack.RunningJob job = stack.submitJob(ProjectLayout.requireFile(ProjectLayout.defaultJobJar(), "job jar",
                    "build it with: mvn -DskipTests package"));
            stack.submitMaintenance(job.jarId(), List.of());
            trino.awaitReady(Duration.ofMinutes(3));
            out.printf("Replaying %,d rows at %,.0f rows/s (%s); a probe every %s…%n", rows, rate, speed, probeInterval);

            AtomicReference<ReplayProgress> progress = new AtomicReference<>();
            CompletableFuture<ReplaySummary> replay = CompletableFuture.supplyAsync(() -> ReplayProducer.run(
                    ReplayOptions.builder(seedsDir).bootstrapServers(stack.bootstrapServers()).speed(speed)
                            .progressListener(progress::set).build()));
            try (Connection trinoConnection = TrinoJdbc.connect(trino.uri());
                    RESTCatalog catalog = stack.openCatalog();
                    Admin admin = stack.openAdmin();
                    KafkaProducer<byte[], byte[]> probes = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                            new ByteArraySerializer(), new ByteArraySerializer())) {
                // Probes go out on their own clock: a Trino poll that takes seconds under load must not thin them out.
                AtomicInteger probesSent = new AtomicInteger();
                ScheduledExecutorService probeClock = Executors.newSingleThreadScheduledExecutor();
                probeClock.scheduleAtFixedRate(() -> {
                    ReplayProgress now = progress.get();
                    if (!replay.isDone() && now != null && now.eventTimeMillis() > 0) {
                        sendProbe(probes, probesSent.incrementAndGet(), now.eventTimeMillis());
                    }
                }, 0, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
                DrainWatcher lag = stack.drainWatcher(job.jobId(), admin, catalog);
                long peakLag = 0;
                long lagAtReplayEnd = -1;
                try {
                    boolean scannedAtStart = false;
                    long nextStatus = System.nanoTime() + STATUS_INTERVAL.toNanos();
                    long giveUpAt = Long.MAX_VALUE;
                    ProbeQueryGate gate = new ProbeQueryGate(() -> currentSnapshotId(catalog));
                    while (!replay.isDone() || !probesSentAtNanos.isEmpty()) {
                        if (gate.shouldQuery(System.nanoTime())) {
                            collectVisibleProbes(trinoConnection);
                        }
                        if (System.nanoTime() >= nextStatus) {
                            long lagNow = lag.consumerLag();
                            peakLag = Math.max(peakLag, lagNow);
                            printStatus(progress.get(), probesSent.get(), lagNow);
                            nextStatus = System.nanoTime() + STATUS_INTERVAL.toNanos();
                        }
                        if (!scannedAtStart && !freshnessSeconds.isEmpty()) {
                            report.add("full scans at the start: " + GoldScans.fullScans(trinoConnection));
                            scannedAtStart = true;
                        }
                        if (replay.isDone() && giveUpAt == Long.MAX_VALUE) {
                            giveUpAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                            lagAtReplayEnd = lag.consumerLag();
                            peakLag = Math.max(peakLag, lagAtReplayEnd);
                        }
                        if (System.nanoTime() > giveUpAt) {
                            report.add(probesSentAtNanos.size() + " probes never became visible within 10 minutes of the replay's end");
                            break;
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
                    }
                } finally {
                    probeClock.shutdownNow();
                }
                ReplaySummary summary = replay.get();
                report.add(String.format("replay: %,d rows at %,.0f rows/s (asked %,.0f)", summary.rowsSent(), summary.rowsPerSecond(), rate));
                report.add(new FreshnessFigures(freshnessSeconds, checkpointInterval).summary());
                if (lagAtReplayEnd >= 0) {
                    report.add(new JobBacklog(summary.rowsSent(), summary.elapsed(), lagAtReplayEnd, peakLag).summary(checkpointInterval));
                }
                report.add("full scans at the end (after " + Math.round(BenchCommand.seconds(summary.elapsed()) / 60) + " min of upserts, "
                        + "maintenance on): " + GoldScans.fullScans(trinoConnection));
            }
        } finally {
            if (Files.exists(warehouse)) {
                try (var paths = Files.walk(warehouse)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
        out.println();
        out.println("Freshness results (checkpoint interval " + checkpointInterval + ")");
        report.forEach(line -> out.println("  " + line));
        return 0;
    }

    /** A line every {@link #STATUS_INTERVAL}: a run takes minutes and the user should see it move. */
    private void printStatus(ReplayProgress replayed, int probesSent, long lag) {
        List<Double> seen = new ArrayList<>(freshnessSeconds);
        String latest = seen.isEmpty() ? "none yet" : String.format("latest %.1f s", seen.get(seen.size() - 1));
        long rows = replayed == null ? 0 : replayed.rowsSent();
        double seconds = replayed == null ? 0 : Math.max(1e-3, replayed.elapsed().toMillis() / 1000.0);
        out.printf("  %,d rows produced (%,.0f rows/s), job lag %,d rows; probes visible %d of %d sent, %s%n", rows,
                rows / Math.max(seconds, 1e-3), lag, seen.size(), probesSent, latest);
    }

    /** The table's current snapshot, or -1 before its first commit. */
    private static long currentSnapshotId(RESTCatalog catalog) {
        Snapshot current = catalog.loadTable(GoldTable.CUSTOMER_SUMMARY.identifier()).currentSnapshot();
        return current == null ? -1 : current.snapshotId();
    }

    /** A completed payment of a customer nobody else has: its gold row appears only through this record. */
    private void sendProbe(KafkaProducer<byte[], byte[]> producer, int n, long eventTimeMillis) {
        String customer = String.format(PROBE_CUSTOMER, n);
        String time = CSV_TIME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(eventTimeMillis), ZoneOffset.UTC));
        String row = String.format("TXNP%08d,ORDP%08d,%s,credit_card,completed,10.00,USD,%s,00,0.30,MERCH0001,US,1.0", n, n, customer, time);
        probesSentAtNanos.put(customer, System.nanoTime());
        producer.send(new ProducerRecord<>(Source.PAYMENT_TRANSACTIONS.topic(""), null, eventTimeMillis,
                customer.getBytes(StandardCharsets.UTF_8), row.getBytes(StandardCharsets.UTF_8)));
    }

    private void collectVisibleProbes(Connection connection) throws Exception {
        if (probesSentAtNanos.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT customer_id FROM iceberg.gold.customer_summary WHERE customer_id LIKE 'CUSTP%'")) {
            long now = System.nanoTime();
            while (rows.next()) {
                Long sentAt = probesSentAtNanos.remove(rows.getString(1));
                if (sentAt != null) {
                    freshnessSeconds.add((now - sentAt) / 1e9);
                }
            }
        }
    }
}
