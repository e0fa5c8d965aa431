package dev.lakehouse.stack.cli;

import dev.lakehouse.stack.Folders;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lakehouse.bronze.BronzeTopics;
import dev.lakehouse.contract.Source;
import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.jobs.LakehouseTables;
import dev.lakehouse.replay.KafkaRecordSender;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySpeed;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.seeds.SeedCounts;
import dev.lakehouse.seeds.SeedGeneration;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.drain.DrainWatcher;
import dev.lakehouse.stack.kafka.KafkaTopicDefaults;
import dev.lakehouse.stack.kafka.KafkaTopics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.catalog.TableIdentifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The bronze benchmark: the full data set through Kafka into Iceberg on this machine. Prints the replay producer
 * against Kafka's own ProducerPerformance (same broker, same settings, same run), then end-to-end figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Generate the data set (default: full 3.8 M rows), replay it through Kafka into bronze, print figures.")
public final class BenchCommand implements Callable<Integer> {
    private static final Pattern PERF_RATE = Pattern.compile("([\\d.]+) records/sec");
    private static final String SOLO_PREFIX = "solo.";

    @Option(names = "--scale", defaultValue = "1.0", description = "Data set scale; 1.0 = 3.8 M rows (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seeds", description = "Seeds folder; generated there when missing (default: .lakehouse/bench-seeds-<scale>).")
    Path seeds;

    @Option(names = "--warehouse", description = "Warehouse folder, kept afterwards (default: a fresh folder under .lakehouse, deleted afterwards).")
    Path warehouse;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = LakehouseJob.DurationConverter.class,
            description = "Flink checkpoint interval (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--job", defaultValue = "lakehouse",
            description = "What runs end to end: lakehouse (bronze, silver, gold), silver (bronze and silver, no gold) "
                    + "or bronze (ingestion alone: the ceiling of every layer above it) (default: ${DEFAULT-VALUE}).")
    LakehouseJob.Job job;

    @Option(names = "--parallelism", defaultValue = "0",
            description = "Job parallelism; 0 = the stack's default, one per core (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--job-argument", paramLabel = "ARG",
            description = "An extra program argument of the job, e.g. --job-argument=--max-watermark-drift=1h (repeatable).")
    List<String> jobArguments = new ArrayList<>();

    @Option(names = "--skip-peer", description = "Do not run Kafka's ProducerPerformance as the producer's peer.")
    boolean skipPeer;

    @Spec
    CommandSpec spec;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (job == LakehouseJob.Job.maintenance) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--job must be lakehouse, silver or bronze, not " + job);
        }
        Path seedsDir = seeds != null ? seeds : ProjectLayout.home().resolve(".lakehouse/bench-seeds-" + scale);
        ensureSeeds(seedsDir, scale, out);
        Path warehouseDir = warehouse != null ? warehouse
                : Files.createDirectories(ProjectLayout.home().resolve(".lakehouse")).resolve("bench-warehouse-" + System.currentTimeMillis());
        StackSettings settings = StackSettings.ephemeral(warehouseDir, checkpointInterval);
        out.printf("Warehouse %s, checkpoint interval %s, %d cores%n", warehouseDir, checkpointInterval,
                Runtime.getRuntime().availableProcessors());

        List<String> report = new ArrayList<>();
        try {
            runPhases(settings, seedsDir, report);
        } finally {
            if (warehouse == null) {
                Folders.deleteRecursively(warehouseDir);
            }
        }
        report.add(memoryFigures());
        out.println();
        out.println("Benchmark results");
        report.forEach(line -> out.println("  " + line));
        return 0;
    }

    private void runPhases(StackSettings settings, Path seedsDir, List<String> report) throws Exception {
        try (LocalStack stack = LocalStack.start(settings)) {
            KafkaTopics.createIfMissing(stack.bootstrapServers(), BronzeTopics.all(SOLO_PREFIX), 2, KafkaTopicDefaults.KEEP_FOREVER,
                    Duration.ofMinutes(1));
            out.println("1/3 Replay producer alone (topics nobody reads)…");
            ReplaySummary solo = replay(stack, seedsDir, SOLO_PREFIX);
            report.add(String.format("replay producer alone          %,12.0f rows/s  (%,d rows in %.1f s)",
                    solo.rowsPerSecond(), solo.rowsSent() + solo.rejectedRows(), seconds(solo.elapsed())));

            if (!skipPeer) {
                out.println("2/3 Kafka's ProducerPerformance on the same broker with the same settings and payloads…");
                report.add(String.format("kafka ProducerPerformance      %,12.0f rows/s  (peer: same broker, settings, payloads)",
                        producerPerformance(stack.bootstrapServers(), seedsDir, solo.rowsSent())));
            }

            out.printf("3/3 End to end: replay into the %s job (parallelism %s), until every row is committed to every table…%n", job,
                    parallelism == 0 ? "the stack's default" : parallelism);
            LocalStack.RunningJob running = stack.submitJob(ProjectLayout.requireFile(ProjectLayout.defaultJobJar(), "job jar",
                    "build it with: mvn -DskipTests package"), job, jobArguments());
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            ReplaySummary pipelined = replay(stack, seedsDir, "");
            // Close the replayed history so the last sessions and SLA deadlines are part of the measured work.
            stack.advanceEventTime(pipelined.lastEventTime().orElseThrow().plus(LocalStack.CLOSE_HISTORY_AFTER));
            List<TableIdentifier> tables = LakehouseTables.writtenBy(job);
            Map<TableIdentifier, Long> counts = stack.awaitDrained(running.jobId(), tables, Duration.ofHours(1),
                    DrainWatcher.printedEvery(DrainWatcher.PROGRESS_INTERVAL, out));
            double endToEnd = seconds(Duration.ofNanos(System.nanoTime() - start));
            double cpuSeconds = seconds(Duration.ofNanos(processCpuNanos() - cpuStart));
            long committed = counts.entrySet().stream().filter(e -> e.getKey().namespace().toString().equals("bronze"))
                    .mapToLong(Map.Entry::getValue).sum();

            report.add(String.format("replay producer beside the job %,12.0f rows/s", pipelined.rowsPerSecond()));
            report.add(String.format("end to end, %s job (first row produced → last row committed) %,12.0f rows/s  (%,d rows in %.1f s)",
                    job, committed / endToEnd, committed, endToEnd));
            CpuCost cost = new CpuCost(cpuSeconds, committed);
            int cores = Runtime.getRuntime().availableProcessors();
            report.add(String.format("CPU time of the stack process   %,12.1f s  = %,.1f µs per row; all %d cores at that cost: %,.0f rows/s",
                    cpuSeconds, cost.microsPerRow(), cores, cost.rowsPerSecondOn(cores)));
            report.add("  " + cost.coresForTargets() + " (the stack's CPU, producer and broker included)");
            counts.forEach((table, rows) -> report.add(String.format("  %-34s %,12d rows", table, rows)));
            report.add(checkpointFigures(stack.flinkRest().checkpoints(running.jobId())));
        }
    }

    private List<String> jobArguments() {
        List<String> arguments = new ArrayList<>(List.of("--parallelism", Integer.toString(parallelism)));
        arguments.addAll(jobArguments);
        return arguments;
    }

    /** Generates the data set at {@code scale} into {@code dir} unless all four files are there. */
    static void ensureSeeds(Path dir, double scale, PrintStream out) throws IOException {
        boolean complete = true;
        for (Source source : Source.values()) {
            complete &= Files.isRegularFile(dir.resolve(source.fileName()));
        }
        if (!complete) {
            out.printf("Generating the data set at scale %s into %s…%n", scale, dir);
            SeedGeneration.Result result = SeedGeneration.generate(Files.createDirectories(dir), SeedCounts.scaled(scale), 42, out);
            out.printf("Generated %,d rows in %.1f s%n", result.rows().values().stream().mapToLong(Long::longValue).sum(),
                    seconds(result.elapsed()));
        }
    }

    private static ReplaySummary replay(LocalStack stack, Path seedsDir, String prefix) {
        return ReplayProducer.run(ReplayOptions.builder(seedsDir)
                .bootstrapServers(stack.bootstrapServers())
                .topicPrefix(prefix)
                .speed(ReplaySpeed.MAX)
                .build());
    }

    /** Kafka's own producer benchmark, in its own JVM, with the replay producer's client settings. */
    private double producerPerformance(String bootstrapServers, Path seedsDir, long records) throws Exception {
        Path classpath = ProjectLayout.home().resolve("benchmarks/target/kafka-tools-classpath.txt");
        ProjectLayout.requireFile(classpath, "Kafka tools classpath", "build with: mvn -DskipTests package");
        String topic = SOLO_PREFIX + "peer";
        KafkaTopics.createIfMissing(bootstrapServers, List.of(topic), 1, KafkaTopicDefaults.KEEP_FOREVER, Duration.ofMinutes(1));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", Files.readString(classpath).trim(),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic,
                "--num-records", Long.toString(records),
                "--throughput", "-1",
                "--payload-file", seedsDir.resolve(Source.CUSTOMER_EVENTS.fileName()).toString(),
                "--command-property"));
        KafkaRecordSender.producerProperties(bootstrapServers, new Properties())
                .forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        java.util.Deque<String> tail = new java.util.ArrayDeque<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.contains("records sent")) {
                    last = line;
                }
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
            }
        }
        if (process.waitFor() != 0 || last == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + "):\n" + String.join("\n", tail));
        }
        Matcher rate = PERF_RATE.matcher(last);
        if (!rate.find()) {
            throw new IllegalStateException("unexpected ProducerPerformance output: " + last);
        }
        return Double.parseDouble(rate.group(1));
    }

    private static String checkpointFigures(JsonNode checkpoints) {
        JsonNode latest = checkpoints.path("latest").path("completed");
        JsonNode summary = checkpoints.path("summary");
        return String.format("checkpoints: %d completed; latest %d ms, %,d bytes checkpointed, %,d bytes state; max duration %d ms",
                checkpoints.path("counts").path("completed").asLong(),
                latest.path("end_to_end_duration").asLong(), latest.path("checkpointed_size").asLong(),
                latest.path("state_size").asLong(), summary.path("end_to_end_duration").path("max").asLong());
    }

    /** Peak resident memory of the whole stack (one process) and peak heap. */
    /** CPU time of this JVM (broker, catalog, Flink, producer), all threads. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String memoryFigures() throws IOException {
        String peakRss = "n/a";
        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    peakRss = String.format("%,d MB", Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        }
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        return String.format("peak memory of the stack process: RSS %s, heap %,d MB (broker, catalog, Flink, producer in one JVM)",
                peakRss, peakHeap / (1024 * 1024));
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
