package dev.lakehouse.stack.cli;

import dev.lakehouse.stack.Folders;
import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.replay.KafkaRecordSender;
import dev.lakehouse.replay.LapShift;
import dev.lakehouse.replay.SoakFeed;
import dev.lakehouse.seeds.SeedCounts;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.drain.DrainWatcher;
import dev.lakehouse.stack.soak.SoakReport;
import dev.lakehouse.stack.soak.SoakSample;
import dev.lakehouse.stack.soak.SoakSampler;
import dev.lakehouse.stack.trino.GoldScans;
import dev.lakehouse.stack.trino.TrinoJdbc;
import dev.lakehouse.stack.trino.TrinoSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.iceberg.rest.RESTCatalog;
import dev.lakehouse.bronze.BronzeTopics;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Bounded resources: runs the local stack with the lakehouse and maintenance jobs, feeds it at a steady rate with an
 * endless stream of new rows ({@link SoakFeed}) for {@code --duration}, prints memory, state, checkpoint, lag and table
 * figures every {@code --interval} and at the end judges whether each series stayed bounded ({@link SoakReport}).
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Feed the stack at a steady rate for a long time and check that memory, state, lag, files and snapshots stay bounded.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every series stayed bounded",
            "1:the soak could not run (the stack or the job failed)",
            "2:a resource grew: heap, RSS, state, checkpoint duration, files or snapshots",
            "3:only the Kafka lag grew: the pipeline cannot keep up with the rate on this machine"})
public final class SoakCommand implements Callable<Integer> {
    /** The generated data set spans all of 2024: each lap moves event time on by that much. */
    private static final int LAP_DAYS = 366;
    /** Scales the soak picks from: the smallest whose laps fit the rate and duration, so that seeds generate quickly. */
    private static final double[] SCALES = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0};
    /** Laps the soak aims for: a lap is a year of event time, so fewer laps keep event time from racing. */
    private static final int PLANNED_LAPS = 20;
    /** Laps are limited by the id widths ({@link LapShift#MAX_LAPS}); keep a margin for a feed faster than planned. */
    private static final int MOST_LAPS = 90;

    @Option(names = "--duration", defaultValue = "30m", converter = LakehouseJob.DurationConverter.class,
            description = "How long to feed (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--rate", defaultValue = "20000", description = "Rows per second to feed (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--interval", defaultValue = "1m", converter = LakehouseJob.DurationConverter.class,
            description = "How often to print the figures (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--taskmanagers", defaultValue = "0",
            description = "Run Flink as a JobManager and N TaskManager processes and report each (default: ${DEFAULT-VALUE}, Flink inside the stack's process).")
    int taskManagers;

    @Option(names = "--warehouse", description = "Warehouse folder to use and keep (default: a fresh folder under .lakehouse, deleted at the end).")
    Path warehouse;

    @Option(names = "--scale", description = "Scale of the data set fed lap after lap (default: the smallest that needs at most "
            + PLANNED_LAPS + " laps at this rate and duration).")
    Double scale;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = LakehouseJob.DurationConverter.class,
            description = "Flink checkpoint interval: tables are committed and Kafka offsets acknowledged once per checkpoint (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--dedup-ttl", defaultValue = "5m", converter = LakehouseJob.DurationConverter.class,
            description = "The job's --dedup-ttl. The job's own default (7 days) keeps every primary key for a week: at 20,000 rows/s "
                    + "the de-duplication state grows for a week, so a shorter soak would only measure that (default: ${DEFAULT-VALUE}).")
    Duration dedupTtl;

    @Option(names = "--snapshot-max-age", defaultValue = "5m", converter = LakehouseJob.DurationConverter.class,
            description = "The maintenance job's --snapshot-max-age. Its own default (1 h) keeps an hour of snapshots: a shorter soak "
                    + "would see them grow all along (default: ${DEFAULT-VALUE}).")
    Duration snapshotMaxAge;

    @Option(names = "--data-sets", description = "Where generated data sets are kept for the next run (default: .lakehouse).")
    Path dataSets;

    @Option(names = "--trino", description = "Also run Trino: report its memory, and time a full scan of each gold table after the first interval and at the end.")
    boolean trino;

    @Option(names = "--job-jar", description = "The Flink job jar to submit (default: the one built in flink-jobs/target).")
    Path jobJar;

    private final PrintStream out;

    public SoakCommand() {
        this(System.out);
    }

    SoakCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine commandLine = new CommandLine(this);
        if (!(rate > 0)) {
            throw new CommandLine.ParameterException(commandLine, "--rate must be positive, got " + rate);
        }
        if (interval.isZero() || interval.isNegative() || duration.compareTo(interval.multipliedBy(3)) < 0) {
            throw new CommandLine.ParameterException(commandLine, "--duration must be at least 3 × --interval: the verdicts compare "
                    + "the middle and the last third of the samples (got " + duration + " and " + interval + ")");
        }
        double dataScale = scale != null ? scale : scaleFor(rate, duration);
        Path jar = ProjectLayout.requireFile(jobJar == null ? ProjectLayout.defaultJobJar() : jobJar, "job jar",
                "build it with: mvn -DskipTests package");
        Path seedsDir = (dataSets != null ? dataSets : ProjectLayout.home().resolve(".lakehouse")).resolve("bench-seeds-" + dataScale);
        BenchCommand.ensureSeeds(seedsDir, dataScale, out);

        boolean temporary = warehouse == null;
        Path warehouseDir = temporary
                ? Files.createDirectories(ProjectLayout.home().resolve(".lakehouse")).resolve("soak-warehouse-" + System.currentTimeMillis())
                : warehouse.toAbsolutePath().normalize();
        StackSettings settings = StackSettings.ephemeral(warehouseDir, checkpointInterval).withTaskManagers(taskManagers)
                .withTrino(trino ? TrinoSettings.enabledOn(0) : TrinoSettings.disabled());
        try {
            return soak(settings, jar, seedsDir, dataScale);
        } finally {
            if (temporary) {
                Folders.deleteRecursively(warehouseDir);
            }
        }
    }

    private int soak(StackSettings settings, Path jar, Path seedsDir, double dataScale) throws Exception {
        out.printf("Starting the local stack (warehouse %s%s)…%n", settings.warehouse(),
                taskManagers > 0 ? ", Flink as a JobManager and " + taskManagers + " TaskManager processes" : "");
        try (LocalStack stack = LocalStack.start(settings)) {
            LocalStack.RunningJob job = stack.submitJob(jar, List.of("--dedup-ttl", dedupTtl.toMillis() + "ms"));
            LocalStack.RunningJob maintenance = stack.submitMaintenance(job.jarId(),
                    List.of("--snapshot-max-age", snapshotMaxAge.toMillis() + "ms"));
            out.printf("Flink dashboard %s; lakehouse job %s and maintenance job %s are RUNNING%n", stack.dashboardUrl(), job.jobId(),
                    maintenance.jobId());
            out.printf("Feeding %,.0f rows/s for %s: the data set at scale %s (%,d rows a lap) lap after lap, with fresh ids and event "
                    + "time moved on %d days each lap. Figures every %s:%n", rate, human(duration), dataScale,
                    SeedCounts.scaled(dataScale).total(), LAP_DAYS, human(interval));
            out.println("  feed = achieved rows/s this interval; lag = rows not yet committed by the job's consumer group; state = full "
                    + "size of the latest checkpoint; heap/RSS per process in MB; per table live data files/delete files/snapshots");

            acceptFutureTimestamps(stack);
            SoakFeed feed = new SoakFeed(seedsDir, settings.topicPrefix(), rate, duration, LAP_DAYS);
            List<SoakSample> samples = new ArrayList<>();
            try (Admin admin = stack.openAdmin(); RESTCatalog catalog = stack.openCatalog();
                    KafkaRecordSender sender = new KafkaRecordSender(stack.bootstrapServers(), stack.kafkaClientProperties())) {
                long start = System.nanoTime();
                ExecutorService feeder = Executors.newSingleThreadExecutor(r -> new Thread(r, "soak-feed"));
                Future<SoakFeed.Summary> feeding = feeder.submit(() -> feed.run(sender));
                try {
                    SoakSampler sampler = new SoakSampler(stack, job.jobId(), stack.drainWatcher(job.jobId(), admin, catalog), catalog,
                            LocalStack.tables(), feed::rowsSent, start);
                    if (!sampleEveryInterval(stack, job.jobId(), sampler, feeding, start, samples)) {
                        return 1;
                    }
                    SoakFeed.Summary fed = feeding.get(interval.toMillis() + 60_000, TimeUnit.MILLISECONDS);
                    out.printf("Fed %,d rows in %d laps (%,.0f rows/s)%n", fed.rowsSent(), fed.laps(), fed.rowsPerSecond());
                } finally {
                    // An early stop (the job failed) must not leave the feed sending into a closed producer.
                    feeder.shutdownNow();
                    feeder.awaitTermination(1, TimeUnit.MINUTES);
                }
            }
            out.println();
            double lagSlack = DrainWatcher.keepingUpLagRows(rate, checkpointInterval);
            SoakReport.Summary summary = SoakReport.summarize(samples, rate, lagSlack);
            summary.lines().forEach(out::println);
            return summary.exitCode();
        }
    }

    /** Prints a sample at every interval until the duration is over; false when the feed or the job failed. */
    private boolean sampleEveryInterval(LocalStack stack, String jobId, SoakSampler sampler, Future<SoakFeed.Summary> feeding,
            long start, List<SoakSample> samples) throws Exception {
        long intervals = duration.toNanos() / interval.toNanos();
        for (long k = 1; k <= intervals; k++) {
            long due = start + k * interval.toNanos();
            for (long wait = due - System.nanoTime(); wait > 0 && !feeding.isDone(); wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (feeding.isDone()) {
                try {
                    feeding.get();
                } catch (ExecutionException e) {
                    out.printf("The feed failed, the soak stops: %s%n", e.getCause());
                    return false;
                }
            }
            String state = stack.flinkRest().jobState(jobId);
            if (Set.of("FAILED", "CANCELED", "FINISHED").contains(state)) {
                out.printf("The lakehouse job is %s: the soak stops.%n%s%n", state, stack.flinkRest().rootException(jobId));
                return false;
            }
            SoakSample sample = sampler.sample();
            samples.add(sample);
            SoakReport.intervalBlock(sample).forEach(out::println);
            if (k == 1 || k == intervals) {
                printGoldScans(stack, System.nanoTime() - start);
            }
        }
        return true;
    }

    /** With Trino on: how long a full read of each gold table takes, after the first interval and at the end. */
    private void printGoldScans(LocalStack stack, long elapsedNanos) {
        stack.trino().ifPresent(trino -> {
            String at = human(Duration.ofSeconds(Duration.ofNanos(elapsedNanos).toSeconds()));
            try (Connection connection = TrinoJdbc.connect(trino.uri())) {
                out.printf("  gold full scans through Trino at +%s: %s%n", at, GoldScans.fullScans(connection));
            } catch (SQLException e) {
                out.printf("  gold full scans through Trino at +%s: not available (%s)%n", at, e.getMessage());
            }
        });
    }

    /**
     * Each lap moves event time 366 days on, so after a few laps it runs years ahead of the wall clock, and records
     * carry their event time as Kafka timestamp (the job's watermarks come from it). Kafka 4 rejects timestamps more
     * than an hour in the future ({@code message.timestamp.after.max.ms}): lift that limit on the source topics.
     */
    private static void acceptFutureTimestamps(LocalStack stack) throws Exception {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : BronzeTopics.all(stack.settings().topicPrefix())) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(Long.MAX_VALUE)),
                    AlterConfigOp.OpType.SET)));
        }
        try (Admin admin = stack.openAdmin()) {
            admin.incrementalAlterConfigs(changes).all().get(1, TimeUnit.MINUTES);
        }
    }

    /**
     * The smallest offered scale whose laps cover rate × duration in at most {@link #PLANNED_LAPS} laps; for a longer run
     * the largest data set, in at most {@link #MOST_LAPS} laps. Fewer, larger laps keep event time moving at a pace
     * closer to a real feed's (one lap is a year of event time) at the cost of generating a larger data set once.
     */
    static double scaleFor(double rowsPerSecond, Duration duration) {
        double rows = rowsPerSecond * duration.toMillis() / 1000.0;
        for (double candidate : SCALES) {
            if (SeedCounts.scaled(candidate).total() * (double) PLANNED_LAPS >= rows) {
                return candidate;
            }
        }
        double largest = SCALES[SCALES.length - 1];
        if (SeedCounts.scaled(largest).total() * (double) MOST_LAPS >= rows) {
            return largest;
        }
        throw new IllegalArgumentException(String.format("%,.0f rows are more than %d laps of the largest data set the soak uses "
                + "(scale %s): shorten --duration or lower --rate", rows, MOST_LAPS, largest));
    }

    /** 8m, 40s, 1m30s: as the options are written. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        String text = (seconds >= 3600 ? seconds / 3600 + "h" : "") + (seconds % 3600 >= 60 ? seconds % 3600 / 60 + "m" : "")
                + (seconds % 60 > 0 ? seconds % 60 + "s" : "");
        return text.isEmpty() ? duration.toMillis() + "ms" : text;
    }

}
