package dev.lakehouse.stack.cli;

import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.replay.ReplayCommand;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplayProgress;
import dev.lakehouse.replay.ReplaySpeed;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.drain.DrainWatcher;
import dev.lakehouse.stack.trino.TrinoServer;
import dev.lakehouse.stack.trino.TrinoSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Starts the local stack, runs the lakehouse job from the job jar, replays a seeds folder and keeps everything up
 * until Ctrl-C (or until every replayed row is committed, with {@code --exit-when-drained}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Kafka, the Iceberg REST catalog, Flink (dashboard on 8081) and Trino (8080), run the jobs and replay the seeds.")
public final class DemoCommand implements Callable<Integer> {
    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(3);
    private static final Duration TRINO_START_TIMEOUT = Duration.ofMinutes(3);

    @Option(names = "--seeds", description = "Seeds folder to replay (default: the bundled sample in seeds/).")
    Path seeds;

    @Mixin
    WarehouseOptions warehouse = new WarehouseOptions();

    @Option(names = "--exit-when-drained", description = "Wait until every replayed row is committed to Iceberg, print row counts per table, exit 0.")
    boolean exitWhenDrained;

    @Option(names = "--speed", defaultValue = "max", converter = ReplayCommand.SpeedConverter.class,
            description = "Replay speed: max, or an N× speed-up of event time such as 3600x (default: ${DEFAULT-VALUE}).")
    ReplaySpeed speed;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = LakehouseJob.DurationConverter.class,
            description = "Flink checkpoint interval: tables are committed once per checkpoint (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--drain-timeout", defaultValue = "30m", converter = LakehouseJob.DurationConverter.class,
            description = "Give up waiting for the drain after this long (default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Option(names = "--job-jar", description = "The Flink job jar to submit (default: the one built in flink-jobs/target).")
    Path jobJar;

    @Option(names = "--dashboard-port", defaultValue = "8081", description = "Flink dashboard port (default: ${DEFAULT-VALUE}).")
    int dashboardPort;

    @Option(names = "--taskmanagers", defaultValue = "0",
            description = "Run Flink as a session cluster of one JobManager and N TaskManager processes (default: ${DEFAULT-VALUE}, Flink inside the stack's process).")
    int taskManagers;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--bootstrap-servers", description = "Use this Kafka instead of starting one (the topics are created if missing).")
    String bootstrapServers;

    @Option(names = "--kafka-properties", description = "A file of Kafka client settings (TLS, SASL) for the replay, the jobs "
            + "and the stack's own clients, e.g. security.protocol=SASL_SSL.")
    Path kafkaProperties;

    @Option(names = "--catalog-port", defaultValue = "8181", description = "Iceberg REST catalog port (default: ${DEFAULT-VALUE}).")
    int catalogPort;

    @Option(names = "--kafka-controller-port", defaultValue = "9093", description = "Kafka KRaft controller port (default: ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(names = "--trino-port", defaultValue = "8080", description = "Trino port (default: ${DEFAULT-VALUE}).")
    int trinoPort;

    @Option(names = "--trino-java-home", description = "A Java 24+ runtime for Trino (default: $TRINO_JAVA_HOME, or the newest found under /usr/lib/jvm and the usual places).")
    Path trinoJavaHome;

    @Option(names = "--no-trino", description = "Do not start Trino.")
    boolean noTrino;

    @Option(names = "--no-maintenance", description = "Do not run the table-maintenance job (compaction, snapshot expiry, file cleanup).")
    boolean noMaintenance;

    private final PrintStream out;

    public DemoCommand() {
        this(System.out);
    }

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Path seedsDir = seeds == null ? ProjectLayout.defaultSeeds() : seeds.toAbsolutePath();
        Path jar = ProjectLayout.requireFile(jobJar == null ? ProjectLayout.defaultJobJar() : jobJar, "job jar",
                "build it with: mvn -DskipTests package");
        if (!Files.isDirectory(seedsDir)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "seeds folder not found: " + seedsDir);
        }
        WarehouseOptions.Resolved resolved = warehouse.resolve(System.getenv());
        Path warehouseDir = Files.createDirectories(resolved.localDir());
        StackSettings defaults = StackSettings.defaults(warehouseDir);
        TrinoSettings trino = noTrino ? TrinoSettings.disabled()
                : TrinoSettings.enabledOn(trinoPort).withJavaHome(Optional.ofNullable(trinoJavaHome));
        StackSettings settings = new StackSettings(warehouseDir, kafkaPort, kafkaControllerPort,
                catalogPort, dashboardPort, defaults.flinkSlots(), taskManagers, defaults.topicPartitions(), defaults.topicPrefix(),
                checkpointInterval, null, trino, resolved.objectStore(), Optional.empty());
        if (bootstrapServers != null) {
            settings = settings.withExternalKafka(bootstrapServers);
        }
        if (kafkaProperties != null) {
            settings = settings.withKafkaProperties(ProjectLayout.requireFile(kafkaProperties.toAbsolutePath(), "Kafka properties file",
                    "give a readable properties file"));
        }

        out.printf("Starting the local stack (Flink 2.0, Iceberg 1.11, Kafka 4.3; warehouse %s)%n", resolved.describe());
        out.printf("  Logs              %s%n", System.getProperty("log.file", "(console)"));
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> closeQuietly(stack, stopped), "lakehouse-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        out.printf("  Flink dashboard   %s%n", stack.dashboardUrl());
        stack.sessionCluster().ifPresent(cluster -> out.printf("  Flink processes   %s, TaskManagers %s (config and logs in %s)%n",
                cluster.jobManager(), cluster.taskManagers(), cluster.clusterDir()));
        out.printf("  Kafka             %s%n", stack.bootstrapServers());
        out.printf("  Iceberg catalog   %s (warehouse %s)%n", stack.catalogUri(), stack.warehouseUri());
        stack.trino().ifPresentOrElse(this::announceWhenReady,
                () -> out.printf("  Trino             not running: %s%n", stack.trinoUnavailableReason().orElse("")));

        LocalStack.RunningJob job = stack.submitJob(jar);
        out.printf("Lakehouse job %s (bronze, silver, gold) is RUNNING%s%n", job.jobId(),
                job.resumedFrom().map(p -> " (resumed from " + p.getFileName() + ")").orElse(""));
        if (!noMaintenance) {
            LocalStack.RunningJob maintenance = stack.submitMaintenance(job.jarId(), List.of());
            out.printf("Maintenance job %s is RUNNING (compaction, snapshot expiry, file cleanup)%n", maintenance.jobId());
        }

        ReplaySummary summary = replayWithStatus(stack, seedsDir);
        out.println("Replay finished:");
        out.print(summary.describe());

        if (exitWhenDrained) {
            if (summary.lastEventTime().isPresent()) {
                Instant end = summary.lastEventTime().get().plus(LocalStack.CLOSE_HISTORY_AFTER);
                stack.advanceEventTime(end);
                out.printf("Event time advanced to %s: every session, window and SLA deadline of the replay has closed.%n", end);
            }
            out.println("Waiting until every replayed row is committed to Iceberg…");
            // The job submitted last: after a JobManager restart the stack has submitted it again under a new id.
            String drainedJob = stack.lakehouseJob().map(LocalStack.RunningJob::jobId).orElse(job.jobId());
            Map<TableIdentifier, Long> counts = stack.awaitDrained(drainedJob, drainTimeout,
                    DrainWatcher.printedEvery(STATUS_INTERVAL, out));
            out.println("Drained: every replayed row is committed to Iceberg.");
            counts.forEach((table, rows) -> out.printf("  %-36s %,12d rows%n", table, rows));
            Runtime.getRuntime().removeShutdownHook(shutdown);
            stack.close();
            return 0;
        }
        out.printf("The stack keeps running. Flink dashboard: %s — press Ctrl-C to stop.%n", stack.dashboardUrl());
        stopped.await();
        return 0;
    }

    /** Trino comes up while the jobs start and the replay runs; say so when it can answer queries. */
    private void announceWhenReady(TrinoServer trino) {
        out.printf("  Trino             %s (starting; web UI %s/ui/)%n", trino.uri(), trino.uri());
        Thread announcer = new Thread(() -> {
            try {
                trino.awaitReady(TRINO_START_TIMEOUT);
                out.printf("Trino is ready at %s. Query the live tables: ./lakehouse sql \"SELECT count(*) FROM iceberg.bronze.customer_events\"%n",
                        trino.uri());
            } catch (Exception e) {
                out.printf("Trino did not start: %s%n", e.getMessage());
            }
        }, "lakehouse-trino-ready");
        announcer.setDaemon(true);
        announcer.start();
    }

    private ReplaySummary replayWithStatus(LocalStack stack, Path seedsDir) throws Exception {
        AtomicReference<ReplayProgress> latest = new AtomicReference<>();
        try (RESTCatalog catalog = stack.openCatalog()) {
            ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lakehouse-status"));
            try {
                status.scheduleAtFixedRate(() -> printStatus(latest.get(), catalog),
                        STATUS_INTERVAL.toMillis(), STATUS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                return ReplayProducer.run(ReplayOptions.builder(seedsDir)
                        .bootstrapServers(stack.bootstrapServers())
                        .topicPrefix(stack.settings().topicPrefix())
                        .kafkaProperties(stack.kafkaClientProperties())
                        .speed(speed)
                        .progressListener(latest::set)
                        .build());
            } finally {
                status.shutdownNow();
                status.awaitTermination(STATUS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void printStatus(ReplayProgress progress, Catalog catalog) {
        try {
            long committed = 0;
            for (TableIdentifier table : LocalStack.bronzeTables()) {
                committed += DrainWatcher.rowCount(catalog.loadTable(table));
            }
            String replay = progress == null ? "starting"
                    : String.format("%,d rows sent%s, %,d rejected, %,.0f rows/s", progress.rowsSent(),
                            progress.estimatedTotalRows() > 0 ? String.format(" of ~%,d", progress.estimatedTotalRows()) : "",
                            progress.rowsRejected(), progress.rowsSent() / Math.max(0.001, progress.elapsed().toMillis() / 1000.0));
            out.printf("  replay: %s | committed to bronze: %,d rows%n", replay, committed);
        } catch (RuntimeException e) {
            out.printf("  (status unavailable: %s)%n", e.getMessage());
        }
    }

    private void closeQuietly(LocalStack stack, CountDownLatch stopped) {
        try {
            out.println("Stopping the local stack…");
            stack.close();
        } catch (Exception e) {
            System.err.println("error while stopping: " + e);
        } finally {
            stopped.countDown();
        }
    }
}
