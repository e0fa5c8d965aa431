package dev.lakehouse.stack.cli;

import dev.lakehouse.stack.Folders;
import dev.lakehouse.badinput.BadRecord;
import dev.lakehouse.badinput.BadRecordGenerator;
import dev.lakehouse.badinput.BadRecordInjector;
import dev.lakehouse.badinput.SentBadRecord;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySpeed;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.seeds.SeedCounts;
import dev.lakehouse.seeds.SeedGeneration;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.drain.DrainWatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.iceberg.catalog.TableIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What bad input costs: the same good rows end to end on a fresh stack, alone and then with bad records of every kind
 * written into the same topics while they are replayed, in one run on this machine.
 */
@Command(name = "bench-bad-input", mixinStandardHelpOptions = true,
        description = "End-to-end rows/s of N good rows alone vs the same rows with bad records mixed in (two fresh stacks, one run).")
public final class BenchBadInputCommand implements Callable<Integer> {
    /** 100,000 rows in the reference data set's proportions (2 : 1 : 0.5 : 0.3). */
    private static final SeedCounts HUNDRED_THOUSAND = new SeedCounts(52_632, 26_316, 13_158, 7_894);
    private static final Instant RECORD_TIME = Instant.parse("2024-01-01T00:00:00Z");
    private static final int BATCH = 500;

    @Option(names = "--bad-records", defaultValue = "10000", description = "Bad records mixed in (default: ${DEFAULT-VALUE}).")
    long badRecords;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the bad records (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", description = "Seeds folder of the good rows; 100,000 rows are generated there when missing "
            + "(default: .lakehouse/bench-seeds-100k).")
    Path seeds;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = LakehouseJob.DurationConverter.class,
            description = "Flink checkpoint interval (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--rounds", defaultValue = "2", description = "Measured phases per condition, alternating (default: ${DEFAULT-VALUE}).")
    int rounds;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Path seedsDir = seeds != null ? seeds : ProjectLayout.home().resolve(".lakehouse/bench-seeds-100k");
        ensureSeeds(seedsDir);
        Path jobJar = ProjectLayout.requireFile(ProjectLayout.defaultJobJar(), "job jar", "build it with: mvn -DskipTests package");
        Path root = Files.createDirectories(ProjectLayout.home().resolve(".lakehouse"))
                .resolve("bench-bad-input-" + System.currentTimeMillis());
        out.printf("Checkpoint interval %s, %d cores; each phase on a fresh stack under %s%n", checkpointInterval,
                Runtime.getRuntime().availableProcessors(), root);
        try {
            // The first stack of a process runs cold (class loading, JIT): a warm-up phase takes that, and the
            // measured phases alternate (good, mixed, mixed, good, …) so that drift in the machine's load cancels out.
            out.println("Warm-up: good rows alone (not counted)…");
            out.printf("    %s%n", runPhase(root.resolve("warm-up"), seedsDir, jobJar, 0).describe());
            List<Phase> good = new ArrayList<>();
            List<Phase> mixed = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (boolean withBad : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                    out.printf("Round %d/%d: %s…%n", round + 1, rounds, withBad
                            ? String.format("the same good rows with %,d bad records written into the same topics meanwhile", badRecords)
                            : "good rows alone");
                    Phase phase = runPhase(root.resolve("round-" + round + (withBad ? "-mixed" : "-good")), seedsDir, jobJar,
                            withBad ? badRecords : 0);
                    out.printf("    %s%n", phase.describe());
                    (withBad ? mixed : good).add(phase);
                }
            }
            double goodRate = meanRate(good);
            double mixedRate = meanRate(mixed);
            Phase lastMixed = mixed.get(mixed.size() - 1);

            out.println();
            out.printf("Bad input benchmark (mean of %d phases each; end to end = first row produced → every row committed)%n", rounds);
            out.printf("  good rows alone                    %,10.0f good rows/s  (%,d rows; %s s)%n",
                    goodRate, good.get(0).goodRows(), seconds(good));
            out.printf("  with %,d bad records mixed in    %,10.0f good rows/s  (%,d rows + %,d bad records; %s s; %,.0f records/s)%n",
                    badRecords, mixedRate, lastMixed.goodRows(), lastMixed.badRecords(), seconds(mixed),
                    mixedRate * (lastMixed.goodRows() + lastMixed.badRecords()) / lastMixed.goodRows());
            out.printf("  cost of the bad input              %9.1f %% of good-row throughput%n", 100 * (1 - mixedRate / goodRate));
            out.printf("  rejected_records %,d rows, bronze %,d rows (good + kept bad); no job restarted%n",
                    lastMixed.rejected(), lastMixed.bronze());
        } finally {
            Folders.deleteRecursively(root);
        }
        return 0;
    }

    private static double meanRate(List<Phase> phases) {
        return phases.stream().mapToDouble(Phase::goodRowsPerSecond).average().orElseThrow();
    }

    private static String seconds(List<Phase> phases) {
        return String.join(" / ", phases.stream().map(p -> String.format("%.1f", p.seconds())).toList());
    }

    private Phase runPhase(Path warehouse, Path seedsDir, Path jobJar, long bad) throws Exception {
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(warehouse, checkpointInterval))) {
            LocalStack.RunningJob job = stack.submitJob(jobJar);
            long start = System.nanoTime();
            CompletableFuture<List<SentBadRecord>> injected = CompletableFuture.supplyAsync(() -> inject(stack, bad));
            ReplaySummary replay = ReplayProducer.run(ReplayOptions.builder(seedsDir)
                    .bootstrapServers(stack.bootstrapServers())
                    .speed(ReplaySpeed.MAX)
                    .build());
            List<SentBadRecord> sent = injected.join();
            stack.advanceEventTime(replay.lastEventTime().orElseThrow().plus(LocalStack.CLOSE_HISTORY_AFTER));
            Map<TableIdentifier, Long> counts = stack.awaitDrained(job.jobId(), Duration.ofHours(1),
                    DrainWatcher.printedEvery(DrainWatcher.PROGRESS_INTERVAL, out));
            double seconds = (System.nanoTime() - start) / 1e9;
            long restarts = stack.flinkRest().restartCount(job.jobId());
            if (restarts != 0) {
                throw new IllegalStateException("the job restarted " + restarts + " times");
            }
            long bronze = counts.entrySet().stream()
                    .filter(e -> e.getKey().namespace().toString().equals("bronze") && !e.getKey().name().equals("rejected_records"))
                    .mapToLong(Map.Entry::getValue).sum();
            long rejected = counts.entrySet().stream().filter(e -> e.getKey().name().equals("rejected_records"))
                    .mapToLong(Map.Entry::getValue).sum();
            return new Phase(replay.rowsSent(), sent.size(), seconds, bronze, rejected);
        }
    }

    /** Sends in batches, so the bad records spread over the replay instead of arriving as one block. */
    private List<SentBadRecord> inject(LocalStack stack, long count) {
        List<SentBadRecord> sent = new ArrayList<>();
        if (count == 0) {
            return sent;
        }
        BadRecordGenerator generator = new BadRecordGenerator(seed, RowParser.DEFAULT_MAX_RECORD_BYTES,
                LocalDateTime.ofInstant(RECORD_TIME, ZoneOffset.UTC));
        try (BadRecordInjector injector = new BadRecordInjector(stack.bootstrapServers(), new Properties(), "", RECORD_TIME)) {
            Iterator<BadRecord> records = generator.records(count);
            while (records.hasNext()) {
                List<BadRecord> batch = new ArrayList<>(BATCH);
                while (records.hasNext() && batch.size() < BATCH) {
                    batch.add(records.next());
                }
                sent.addAll(injector.send(batch.iterator()));
            }
        }
        return sent;
    }

    private void ensureSeeds(Path dir) throws IOException {
        for (Source source : Source.values()) {
            if (!Files.isRegularFile(dir.resolve(source.fileName()))) {
                out.printf("Generating %,d good rows into %s…%n", HUNDRED_THOUSAND.total(), dir);
                SeedGeneration.generate(Files.createDirectories(dir), HUNDRED_THOUSAND, 42, out);
                return;
            }
        }
    }

    private record Phase(long goodRows, long badRecords, double seconds, long bronze, long rejected) {
        double goodRowsPerSecond() {
            return goodRows / seconds;
        }

        String describe() {
            return String.format("%,d good rows, %,d bad records: drained in %.1f s; bronze %,d rows, rejected_records %,d rows",
                    goodRows, badRecords, seconds, bronze, rejected);
        }
    }
}
