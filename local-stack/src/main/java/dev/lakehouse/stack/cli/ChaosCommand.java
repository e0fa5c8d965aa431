package dev.lakehouse.stack.cli;

import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.stack.chaos.ChaosRun;
import dev.lakehouse.stack.chaos.ChaosSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lakehouse chaos}: replays a seeds folder through a stack that suffers faults (killed Flink processes, Kafka
 * and catalog restarts, a cancelled job, a killed producer) and checks that every table ends up as in a fault-free run.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Replay the seeds with faults injected at seeded random times (kill -9 of a TaskManager or the JobManager, "
                + "Kafka broker and REST catalog restarts, job cancel and resume, producer killed mid-file), then compare every "
                + "bronze, silver and gold table with a fault-free run of the same data.",
            "Exit code 0 when no row is lost, doubled or differs and every fault recovered; 1 otherwise."})
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--seeds", description = "Seeds folder to replay (default: the bundled sample in seeds/).")
    Path seeds;

    @Option(names = "--warehouse", required = true, description = "Where the chaos run writes (must be empty or new); its tables stay for queries.")
    Path warehouse;

    @Option(names = "--reference-warehouse", description = "Where the fault-free run writes (must be empty or new; default: <warehouse>-reference).")
    Path referenceWarehouse;

    @Option(names = "--faults", defaultValue = "6", description = "How many faults; with 6 or more every kind appears (default: ${DEFAULT-VALUE}).")
    int faults;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed of the fault times and kinds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--taskmanagers", defaultValue = "2", description = "TaskManager processes (at least 1; default: ${DEFAULT-VALUE}).")
    int taskManagers;

    @Option(names = "--replay-duration", defaultValue = "2m", converter = LakehouseJob.DurationConverter.class,
            description = "How long the chaos run's replay takes; the faults fall within it (default: ${DEFAULT-VALUE}).")
    Duration replayDuration;

    @Option(names = "--checkpoint-interval", defaultValue = "2s", converter = LakehouseJob.DurationConverter.class,
            description = "Flink checkpoint interval of both runs (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--recovery-timeout", defaultValue = "3m", converter = LakehouseJob.DurationConverter.class,
            description = "Fail a fault that has not recovered after this long (default: ${DEFAULT-VALUE}).")
    Duration recoveryTimeout;

    @Option(names = "--drain-timeout", defaultValue = "30m", converter = LakehouseJob.DurationConverter.class,
            description = "Give up waiting for a run to commit every row after this long (default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Option(names = "--job-jar", description = "The Flink job jar to submit (default: the one built in flink-jobs/target).")
    Path jobJar;

    private final PrintStream out;

    public ChaosCommand() {
        this(System.out);
    }

    public ChaosCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Path seedsDir = seeds == null ? ProjectLayout.defaultSeeds() : seeds.toAbsolutePath();
        if (!Files.isDirectory(seedsDir)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "seeds folder not found: " + seedsDir);
        }
        Path jar = ProjectLayout.requireFile(jobJar == null ? ProjectLayout.defaultJobJar() : jobJar, "job jar",
                "build it with: mvn -DskipTests package");
        Path chaosWarehouse = warehouse.toAbsolutePath().normalize();
        Path reference = referenceWarehouse != null ? referenceWarehouse.toAbsolutePath().normalize()
                : chaosWarehouse.resolveSibling(chaosWarehouse.getFileName() + "-reference");
        ChaosSettings settings = new ChaosSettings(seedsDir, chaosWarehouse, reference, jar, faults, seed, taskManagers,
                replayDuration, checkpointInterval, recoveryTimeout, drainTimeout);
        ChaosRun.Report report = new ChaosRun(settings, out).run();
        return report.passed() ? 0 : 1;
    }
}
