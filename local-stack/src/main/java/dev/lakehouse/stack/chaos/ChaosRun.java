package dev.lakehouse.stack.chaos;

import dev.lakehouse.iceberg.CatalogSettings;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySpeed;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.catalog.RestCatalogServer;
import dev.lakehouse.stack.drain.DrainWatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;

/**
 * The chaos run: the seeds through a fault-free stack (the reference), then through a stack that suffers the planned
 * faults while the replay runs, then every table of the two compared row by row. Both stacks run the same settings
 * (TaskManager processes, checkpoint interval) on their own warehouse and free ports; the reference replays at full
 * speed, the chaos run at a speed that spreads the replay over {@link ChaosSettings#replayDuration()} so that the
 * faults hit it mid-flight.
 *
 * <p>Fault times are replay times. Once a fault is done (the process killed, the broker back up, the job cancelled),
 * the replay's pace stops until the pipeline has recovered: a Flink recovery or a resubmission takes seconds to
 * minutes on a busy machine, and a replay that went on meanwhile could be over before the next fault, which would then
 * prove little. The producer still sends what was due (a broker restart happens under its feet), the job still has
 * uncommitted rows in flight, and it resumes with rows still to come.
 */
public final class ChaosRun {

    private final ChaosSettings settings;
    private final PrintStream out;

    public ChaosRun(ChaosSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** What happened: the faults, the table comparison, and whether everything held. */
    public record Report(List<InjectedFault> faults, List<TableComparison.Result> tables, List<String> problems) {
        public long lost() {
            return tables.stream().mapToLong(TableComparison.Result::lost).sum();
        }

        public long doubled() {
            return tables.stream().mapToLong(TableComparison.Result::doubled).sum();
        }

        public long differing() {
            return tables.stream().mapToLong(TableComparison.Result::differing).sum();
        }

        public boolean passed() {
            return problems.isEmpty() && lost() == 0 && doubled() == 0 && differing() == 0 && !tables.isEmpty();
        }
    }

    /** One fault as it happened. */
    public record InjectedFault(int number, Fault fault, Duration plannedAt, Duration at, boolean duringReplay, String target,
            Duration recovery, String failure) {}

    public Report run() throws Exception {
        requireFresh(settings.warehouse());
        requireFresh(settings.referenceWarehouse());
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();

        out.printf("1/3 Fault-free reference run into %s%n", settings.referenceWarehouse());
        ReplaySummary reference = referenceRun();
        Instant first = reference.firstEventTime().orElseThrow(() -> new IllegalStateException("the seeds folder has no rows"));
        Instant last = reference.lastEventTime().orElseThrow();
        Instant end = last.plus(LocalStack.CLOSE_HISTORY_AFTER);

        // A whole factor: it prints readably, and the replay lasts the duration asked for to within a rounding.
        double factor = Math.max(1, Math.round((double) Duration.between(first, last).toMillis() / settings.replayDuration().toMillis()));
        ReplaySpeed speed = ReplaySpeed.times(factor);
        FaultPlan plan = FaultPlan.create(settings.faults(), settings.seed(), settings.replayDuration());
        out.printf("2/3 Chaos run into %s: replay over ~%d s (speed %s), %d faults (seed %d):%n", settings.warehouse(),
                settings.replayDuration().toSeconds(), speed, settings.faults(), settings.seed());
        plan.faults().forEach(planned -> out.printf("      planned at %6.1f s: %s%n", planned.at().toMillis() / 1000.0,
                planned.fault().description()));
        List<InjectedFault> faults = chaosRun(speed, first, plan, end, problems);

        out.println("3/3 Comparing every table with the reference run");
        List<TableComparison.Result> tables = compare();
        Report report = new Report(faults, tables, problems);
        print(report, Duration.ofNanos(System.nanoTime() - started));
        return report;
    }

    private ReplaySummary referenceRun() throws Exception {
        long started = System.nanoTime();
        try (LocalStack stack = LocalStack.start(stackSettings(settings.referenceWarehouse()))) {
            LocalStack.RunningJob job = stack.submitJob(settings.jobJar());
            ReplaySummary summary = ReplayProducer.run(replayOptions(stack, ReplaySpeed.MAX));
            summary.lastEventTime().ifPresent(last -> advance(stack, last.plus(LocalStack.CLOSE_HISTORY_AFTER)));
            Map<TableIdentifier, Long> counts = stack.awaitDrained(job.jobId(), settings.drainTimeout(),
                    DrainWatcher.printedEvery(DrainWatcher.PROGRESS_INTERVAL, out));
            out.printf("    replayed %,d rows, drained: %,d rows in %d tables, in %d s%n", summary.rowsSent(),
                    counts.values().stream().mapToLong(Long::longValue).sum(), counts.size(), seconds(started));
            return summary;
        }
    }

    private List<InjectedFault> chaosRun(ReplaySpeed speed, Instant firstEventTime, FaultPlan plan, Instant end, List<String> problems)
            throws Exception {
        List<InjectedFault> faults = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(stackSettings(settings.warehouse()))) {
            LocalStack.RunningJob job = stack.submitJob(settings.jobJar());
            out.printf("    job %s RUNNING on %d TaskManager processes; replay started%n", job.jobId(), settings.taskManagers());
            try (ReplayDriver replay = new ReplayDriver(replayOptions(stack, ReplaySpeed.MAX), speed, firstEventTime.toEpochMilli())) {
                FaultInjector injector = new FaultInjector(stack, settings.jobJar(), replay, settings.recoveryTimeout(), settings.seed());
                replay.start();
                int number = 0;
                for (FaultPlan.PlannedFault planned : plan.faults()) {
                    number++;
                    replay.awaitPace(planned.at());
                    Duration at = replay.paceElapsed();
                    boolean duringReplay = replay.running();
                    InjectedFault fault;
                    try {
                        FaultInjector.Outcome outcome = injector.inject(planned.fault(), replay::pausePace);
                        fault = new InjectedFault(number, planned.fault(), planned.at(), at, duringReplay, outcome.target(), outcome.recovery(), null);
                    } catch (Exception e) {
                        fault = new InjectedFault(number, planned.fault(), planned.at(), at, duringReplay, "", null, e.toString());
                        problems.add("fault " + number + " (" + planned.fault().description() + ") did not recover: " + e.getMessage());
                    }
                    replay.resumePace();
                    faults.add(fault);
                    printFault(fault);
                }
                ReplaySummary summary = replay.awaitCompletion(settings.drainTimeout());
                out.printf("    replay complete after %d runs (%,d rows in the last one)%n", replay.runs(), summary.rowsSent());
                replay.unplannedReruns().forEach(reason -> problems.add("the producer failed by itself and was run again: " + reason));
            }
            advance(stack, end);
            String jobId = stack.lakehouseJob().orElseThrow().jobId();
            try {
                long drainStarted = System.nanoTime();
                Map<TableIdentifier, Long> counts = stack.awaitDrained(jobId, settings.drainTimeout(),
                        DrainWatcher.printedEvery(DrainWatcher.PROGRESS_INTERVAL, out));
                out.printf("    drained: %,d rows in %d tables, in %d s%n", counts.values().stream().mapToLong(Long::longValue).sum(),
                        counts.size(), seconds(drainStarted));
            } catch (Exception e) {
                problems.add("the chaos run did not drain: " + e.getMessage());
                out.printf("    did not drain: %s%n", e.getMessage());
            }
        }
        return faults;
    }

    /** Both warehouses through catalogs of their own, now that the stacks are stopped. */
    private List<TableComparison.Result> compare() {
        try (RestCatalogServer referenceServer = RestCatalogServer.builder(settings.referenceWarehouse()).build().start();
                RestCatalogServer chaosServer = RestCatalogServer.builder(settings.warehouse()).build().start();
                RESTCatalog reference = open(referenceServer);
                RESTCatalog chaos = open(chaosServer)) {
            return WarehouseComparison.compare(reference, chaos, LocalStack.tables(), table -> {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RESTCatalog open(RestCatalogServer server) {
        return (RESTCatalog) new CatalogSettings(server.uri(), "lakehouse", Map.of()).open();
    }

    private StackSettings stackSettings(Path warehouse) {
        return StackSettings.ephemeral(warehouse, settings.checkpointInterval()).withTaskManagers(settings.taskManagers());
    }

    private ReplayOptions replayOptions(LocalStack stack, ReplaySpeed speed) {
        return ReplayOptions.builder(settings.seeds())
                .bootstrapServers(stack.bootstrapServers())
                .topicPrefix(stack.settings().topicPrefix())
                .kafkaProperties(stack.kafkaClientProperties())
                .speed(speed)
                .diagnostics(out)
                .build();
    }

    private static void advance(LocalStack stack, Instant eventTime) {
        try {
            stack.advanceEventTime(eventTime);
        } catch (Exception e) {
            throw new IllegalStateException("could not move event time to " + eventTime + ": " + e.getMessage(), e);
        }
    }

    private void printFault(InjectedFault fault) {
        if (fault.failure() == null) {
            out.printf("    fault %d at %6.1f s%s: %-34s %s — recovered in %.1f s%n", fault.number(), fault.at().toMillis() / 1000.0,
                    fault.duringReplay() ? "" : " (after the replay)", fault.fault().description(), fault.target(),
                    fault.recovery().toMillis() / 1000.0);
        } else {
            out.printf("    fault %d at %6.1f s: %-34s FAILED: %s%n", fault.number(), fault.at().toMillis() / 1000.0,
                    fault.fault().description(), fault.failure());
        }
    }

    private void print(Report report, Duration took) {
        out.println("Faults:");
        out.printf("  %-3s %8s  %-34s %10s  %s%n", "#", "at", "fault", "recovery", "target (\"at\": replay time, without the recovery pauses)");
        for (InjectedFault fault : report.faults()) {
            out.printf("  %-3d %7.1fs  %-34s %10s  %s%n", fault.number(), fault.at().toMillis() / 1000.0, fault.fault().description(),
                    fault.recovery() == null ? "FAILED" : String.format("%.1fs", fault.recovery().toMillis() / 1000.0),
                    fault.failure() == null ? fault.target() : fault.failure());
        }
        out.println("Tables (chaos run against the fault-free run):");
        out.printf("  %-36s %10s %10s %8s %8s %10s%n", "table", "reference", "chaos", "lost", "doubled", "differing");
        for (TableComparison.Result table : report.tables()) {
            out.printf("  %-36s %,10d %,10d %8d %8d %10d%n", table.table(), table.referenceRows(), table.chaosRows(), table.lost(),
                    table.doubled(), table.differing());
            table.examples().forEach(example -> out.printf("      %s%n", example));
        }
        report.problems().forEach(problem -> out.printf("Problem: %s%n", problem));
        out.printf("Rows lost: %d, rows doubled: %d, rows differing: %d%n", report.lost(), report.doubled(), report.differing());
        out.printf("%s after %d s. The chaos run's tables stay in %s (query them with ./lakehouse sql --warehouse %s).%n",
                report.passed() ? "PASSED" : "FAILED", took.toSeconds(), settings.warehouse(), settings.warehouse());
    }

    private static void requireFresh(Path warehouse) throws IOException {
        if (Files.isDirectory(warehouse)) {
            try (Stream<Path> children = Files.list(warehouse)) {
                if (children.findAny().isPresent()) {
                    throw new IllegalArgumentException("warehouse " + warehouse + " is not empty: a chaos run compares two fresh runs "
                            + "(a stack there would resume from its checkpoints); give an empty or new folder");
                }
            }
        }
        Files.createDirectories(warehouse);
    }

    private static long seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }
}
