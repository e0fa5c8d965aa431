package dev.lakehouse.stack.cli;

import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.stack.RunningStack;
import dev.lakehouse.stack.flink.CheckpointSummary;
import dev.lakehouse.stack.flink.JobSummary;
import dev.lakehouse.stack.jobs.JobControl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./lakehouse jobs}: list, stop with a savepoint, and start from a savepoint the jobs of the stack running on a
 * warehouse. An upgrade is {@code jobs stop --savepoint} with the old jar, then {@code jobs start --from-savepoint} with
 * the new one.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"The Flink jobs of the stack running on a warehouse: list them, stop one with a savepoint, start one from a "
                + "savepoint (an upgrade to a new job jar)."},
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.StopJob.class, JobsCommand.StartJob.class})
public final class JobsCommand implements Runnable {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code action} on the stack of the warehouse; a user's mistake is printed as a message, exit code 1. */
    static int onRunningStack(CommandSpec spec, WarehouseOptions warehouse, StackAction action) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        WarehouseOptions.Resolved resolved;
        try {
            resolved = warehouse.resolve(System.getenv());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        RunningStack stack = RunningStack.find(resolved.localDir()).orElse(null);
        if (stack == null) {
            err.println("No stack is running on " + resolved.describe() + ": start one with `./lakehouse demo --warehouse "
                    + resolved.describe() + "` (or give the --warehouse it runs on).");
            return 1;
        }
        try {
            return action.run(stack, resolved);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    @FunctionalInterface
    interface StackAction {
        int run(RunningStack stack, WarehouseOptions.Resolved warehouse) throws Exception;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every job of the stack: id, name, state, start time, last checkpoint.")
    static final class ListJobs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions warehouse = new WarehouseOptions();

        @Override
        public Integer call() throws Exception {
            return onRunningStack(spec, warehouse, (stack, resolved) -> {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-32s  %-22s  %-10s  %-20s  %s%n", "ID", "NAME", "STATE", "STARTED", "LAST CHECKPOINT");
                for (JobControl.JobListing listing : new JobControl(stack, message -> {}).list()) {
                    JobSummary job = listing.job();
                    out.printf("%-32s  %-22s  %-10s  %-20s  %s%n", job.id(), job.name(), job.state(), TIME.format(job.startTime()),
                            describe(listing.checkpoints()));
                }
                out.flush();
                return 0;
            });
        }

        private static String describe(CheckpointSummary checkpoints) {
            String checkpoint = checkpoints.latestCompletedId() < 0 ? "none"
                    : "#" + checkpoints.latestCompletedId() + " at " + TIME.format(checkpoints.latestCompletedAt().truncatedTo(ChronoUnit.SECONDS))
                            + " " + checkpoints.latestCompletedPath();
            return checkpoints.savepoint().map(savepoint -> checkpoint + "; savepoint " + savepoint).orElse(checkpoint);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = {"Stop a job with a savepoint (Flink's stop-with-savepoint, POST /jobs/:id/stop): the sources stop, the "
                    + "sinks commit a final savepoint, the job ends FINISHED. Prints the savepoint's path for `jobs start`."})
    static final class StopJob implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions warehouse = new WarehouseOptions();

        @Option(names = "--job", defaultValue = "lakehouse", description = "lakehouse, maintenance, or a job id (default: ${DEFAULT-VALUE}).")
        String job;

        @Option(names = "--savepoint", required = true, description = "Write a savepoint while stopping (the only way this command stops a job).")
        boolean savepoint;

        @Option(names = "--savepoint-dir", description = "Where the savepoint goes (default: <warehouse>/_stack/flink/savepoints/<job>, "
                + "where a restart of the stack also looks).")
        Path savepointDir;

        @Option(names = "--timeout", defaultValue = "5m", converter = LakehouseJob.DurationConverter.class,
                description = "Give up waiting for the savepoint after this long (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            return onRunningStack(spec, warehouse, (stack, resolved) -> {
                PrintWriter out = spec.commandLine().getOut();
                JobControl control = new JobControl(stack, message -> {
                    out.println(message);
                    out.flush();
                });
                JobSummary running = control.runningJob(job);
                Path target = savepointDir != null ? savepointDir.toAbsolutePath().normalize()
                        : RunningStack.savepointDir(resolved.localDir()).resolve(folderOf(running));
                String location = control.stopWithSavepoint(running, target, timeout);
                out.println("Savepoint: " + location);
                out.println("Resume with: ./lakehouse jobs start --job " + folderOf(running) + " --from-savepoint " + location);
                out.flush();
                return 0;
            });
        }

        /** Savepoints of the pipeline and of maintenance go to separate folders, so a restart picks each job's own. */
        private static String folderOf(JobSummary job) {
            return job.name().equals(JobControl.StackJob.maintenance.flinkName()) ? "maintenance" : "lakehouse";
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start a job from a savepoint: uploads the job jar (a new version, say) and runs it with the stack's "
                    + "program arguments, restoring every operator's state (allowNonRestoredState=false)."})
    static final class StartJob implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions warehouse = new WarehouseOptions();

        @Option(names = "--job", defaultValue = "lakehouse", description = "lakehouse or maintenance (default: ${DEFAULT-VALUE}).")
        String job;

        @Option(names = "--from-savepoint", required = true, paramLabel = "PATH", description = "The savepoint `jobs stop --savepoint` printed.")
        String fromSavepoint;

        @Option(names = "--jar", paramLabel = "FILE", description = "The job jar to run (default: the one built in flink-jobs/target).")
        Path jar;

        @Option(names = "--timeout", defaultValue = "5m", converter = LakehouseJob.DurationConverter.class,
                description = "Give up waiting for the job to run after this long (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            return onRunningStack(spec, warehouse, (stack, resolved) -> {
                PrintWriter out = spec.commandLine().getOut();
                JobControl.StackJob stackJob = JobControl.stackJob(job);
                String savepoint = JobControl.savepointLocation(fromSavepoint);
                Path jobJar = ProjectLayout.requireFile(jar == null ? ProjectLayout.defaultJobJar() : jar.toAbsolutePath(), "job jar",
                        "build it with: mvn -DskipTests package, or give --jar");
                String jobId = new JobControl(stack, message -> {
                    out.println(message);
                    out.flush();
                }).startFromSavepoint(stackJob, savepoint, jobJar, timeout);
                out.println("Job: " + jobId);
                out.flush();
                return 0;
            });
        }
    }
}
