package dev.lakehouse.stack.jobs;

import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.Polling;
import dev.lakehouse.stack.RunningStack;
import dev.lakehouse.stack.flink.CheckpointSummary;
import dev.lakehouse.stack.flink.FlinkRestClient;
import dev.lakehouse.stack.flink.JobSummary;
import dev.lakehouse.stack.flink.SavepointStatus;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stops and starts the jobs of a running stack through Flink's REST API, as the dashboard would: stop-with-savepoint,
 * then run a (new) job jar from that savepoint with the program arguments the stack uses.
 */
public final class JobControl {
    /** A job's 32 hex digits, as the REST API and the dashboard show them. */
    private static final String JOB_ID = "[0-9a-fA-F]{32}";

    private final RunningStack stack;
    private final FlinkRestClient rest;
    private final Consumer<String> progress;

    public JobControl(RunningStack stack, Consumer<String> progress) {
        this(stack, new FlinkRestClient(URI.create(stack.dashboardUrl())), progress);
    }

    JobControl(RunningStack stack, FlinkRestClient rest, Consumer<String> progress) {
        this.stack = stack;
        this.rest = rest;
        this.progress = progress;
    }

    /** A job of the stack: what {@code --job} names. */
    public enum StackJob {
        lakehouse(LakehouseJob.Job.lakehouse),
        maintenance(LakehouseJob.Job.maintenance);

        private final LakehouseJob.Job job;

        StackJob(LakehouseJob.Job job) {
            this.job = job;
        }

        /** The name Flink shows for the job. */
        public String flinkName() {
            return job.jobName();
        }

        /** The stack runs maintenance with parallelism 1 (its coordinators are single-instance); the pipeline with the cluster's. */
        int parallelism() {
            return this == maintenance ? 1 : 0;
        }

        List<String> arguments(RunningStack stack) {
            return this == maintenance ? stack.maintenanceJobArguments() : stack.lakehouseJobArguments();
        }
    }

    /** One job with its latest checkpoint, for {@code jobs list}. */
    public record JobListing(JobSummary job, CheckpointSummary checkpoints) {}

    public List<JobListing> list() throws Exception {
        List<JobListing> listings = new java.util.ArrayList<>();
        for (JobSummary job : rest.jobSummaries()) {
            listings.add(new JobListing(job, rest.checkpointSummary(job.id())));
        }
        return listings;
    }

    /**
     * The running job that {@code selector} names: {@code lakehouse}, {@code maintenance} or a job id.
     *
     * @throws IllegalArgumentException when no such job runs, with what to do instead
     */
    public JobSummary runningJob(String selector) throws Exception {
        List<JobSummary> jobs = rest.jobSummaries();
        Optional<JobSummary> found;
        if (selector.matches(JOB_ID)) {
            found = jobs.stream().filter(job -> job.id().equalsIgnoreCase(selector)).findFirst();
            if (found.isPresent() && !found.get().isRunning()) {
                throw new IllegalArgumentException("job " + selector + " is " + found.get().state() + ", not RUNNING: "
                        + "only a running job can be stopped with a savepoint");
            }
        } else {
            StackJob named = stackJob(selector);
            found = jobs.stream().filter(JobSummary::isRunning).filter(job -> job.name().equals(named.flinkName())).findFirst();
        }
        return found.orElseThrow(() -> new IllegalArgumentException("no running job '" + selector + "' on " + stack.dashboardUrl()
                + ": `./lakehouse jobs list` shows the jobs and their states"));
    }

    /**
     * Stop-with-savepoint: triggers it, waits until the savepoint is complete and the job FINISHED, returns the
     * savepoint's location.
     */
    public String stopWithSavepoint(JobSummary job, Path savepointDir, Duration timeout) throws Exception {
        Files.createDirectories(savepointDir);
        progress.accept("Stopping job " + job.id() + " (" + job.name() + ") with a savepoint in " + savepointDir + " …");
        String trigger = rest.stopWithSavepoint(job.id(), savepointDir.toUri().toString());
        SavepointStatus[] status = new SavepointStatus[1];
        Polling.until(timeout, () -> "the savepoint of job " + job.id() + " (trigger " + trigger + ")", () -> {
            status[0] = rest.savepointStatus(job.id(), trigger);
            return status[0].completed();
        });
        if (status[0].failed()) {
            throw new IllegalStateException("the savepoint of job " + job.id() + " failed; the job keeps running. Flink's reason:\n"
                    + status[0].failureCause());
        }
        String savepoint = status[0].savepoint().orElseThrow(() -> new IllegalStateException(
                "Flink reported the savepoint of job " + job.id() + " complete without a location"));
        Polling.until(timeout, () -> "job " + job.id() + " to finish after its savepoint", () -> isTerminal(rest.jobState(job.id())));
        progress.accept("Job " + job.id() + " is " + rest.jobState(job.id()));
        return savepoint;
    }

    /**
     * Uploads {@code jar} and runs {@code job} from {@code savepoint} with the stack's program arguments; every piece of
     * state in the savepoint must find its operator ({@code allowNonRestoredState=false}). Returns the new job's id once
     * it runs.
     */
    public String startFromSavepoint(StackJob job, String savepoint, Path jar, Duration timeout) throws Exception {
        List<String> arguments = job.arguments(stack);
        if (arguments.isEmpty()) {
            throw new IllegalStateException("the stack on this warehouse was started by an older version that does not record "
                    + "its job arguments: restart it (`./lakehouse demo`), then stop and start the job again");
        }
        Optional<JobSummary> alreadyRunning = rest.jobSummaries().stream().filter(JobSummary::isRunning)
                .filter(summary -> summary.name().equals(job.flinkName())).findFirst();
        if (alreadyRunning.isPresent()) {
            throw new IllegalStateException("job " + alreadyRunning.get().id() + " (" + job.flinkName() + ") is still running: stop it "
                    + "first with `./lakehouse jobs stop --job " + job + " --savepoint`, then start from that savepoint");
        }
        progress.accept("Uploading " + jar + " …");
        String jarId = rest.uploadJar(jar);
        progress.accept("Starting the " + job + " job from " + savepoint + " …");
        String jobId = rest.runJar(jarId, LocalStack.JOB_ENTRY_CLASS, arguments, job.parallelism(), savepoint);
        Polling.until(timeout, () -> "job " + jobId + " to be RUNNING", () -> {
            String state = rest.jobState(jobId);
            if (isTerminal(state)) {
                throw new IllegalStateException("job " + jobId + " is " + state + ":\n" + rest.rootException(jobId));
            }
            return state.equals("RUNNING");
        });
        progress.accept("Job " + jobId + " (" + job.flinkName() + ") is RUNNING, restored from " + savepoint);
        return jobId;
    }

    /** {@code lakehouse} or {@code maintenance}; a clear error for anything else. */
    public static StackJob stackJob(String name) {
        for (StackJob job : StackJob.values()) {
            if (job.name().equals(name)) {
                return job;
            }
        }
        throw new IllegalArgumentException("unknown job '" + name + "': give lakehouse, maintenance or a job id from `./lakehouse jobs list`");
    }

    /**
     * A savepoint path as Flink takes it: a URI as given (file:, s3:), a local folder as its absolute path. A local
     * folder must hold the savepoint's {@code _metadata}.
     */
    public static String savepointLocation(String given) {
        if (given.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !given.startsWith("file:")) {
            return given;
        }
        Path folder = given.startsWith("file:") ? Path.of(URI.create(given)) : Path.of(given).toAbsolutePath().normalize();
        if (!Files.isRegularFile(folder.resolve("_metadata"))) {
            throw new IllegalArgumentException("no savepoint in " + folder + " (it has no _metadata file): give the path that "
                    + "`./lakehouse jobs stop --savepoint` printed");
        }
        return folder.toString();
    }

    private static boolean isTerminal(String state) {
        return state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED");
    }
}
