package dev.lakehouse.stack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.Polling;
import dev.lakehouse.stack.flink.FlinkProcess;
import dev.lakehouse.stack.flink.FlinkRestClient;
import dev.lakehouse.stack.flink.FlinkSessionCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Performs one fault on a running stack and waits until the pipeline has recovered from it, which is the fault's
 * recovery time: for every fault that touches the job, until the job (the same, or the one submitted again) runs all
 * its tasks and has completed a checkpoint triggered after the fault; for the producer, until it sends again.
 */
final class FaultInjector {
    private static final Set<String> ENDED = Set.of("FAILED", "CANCELED", "FINISHED");
    private static final DateTimeFormatter DUMP_TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final LocalStack stack;
    private final Path jobJar;
    private final ReplayDriver replay;
    private final Duration recoveryTimeout;
    private final Random random;
    private Runnable injected = () -> {};

    FaultInjector(LocalStack stack, Path jobJar, ReplayDriver replay, Duration recoveryTimeout, long seed) {
        this.stack = stack;
        this.jobJar = jobJar;
        this.replay = replay;
        this.recoveryTimeout = recoveryTimeout;
        this.random = new Random(seed);
    }

    /** What was hit and how long the recovery took. */
    record Outcome(String target, Duration recovery) {}

    /**
     * @param injected run right after the fault is done, before the wait for the recovery
     */
    Outcome inject(Fault fault, Runnable injected) throws Exception {
        this.injected = injected;
        return switch (fault) {
            case TASKMANAGER_KILL -> killTaskManager();
            case JOBMANAGER_KILL -> killJobManager();
            case KAFKA_RESTART -> restartKafka();
            case CATALOG_RESTART -> restartCatalog();
            case JOB_CANCEL_RESUME -> cancelAndResume();
            case PRODUCER_KILL -> killProducer();
        };
    }

    private Outcome killTaskManager() throws Exception {
        FlinkSessionCluster cluster = cluster();
        Set<String> running = rest().taskManagersOf(jobId());
        List<FlinkProcess> candidates = cluster.taskManagers().stream().filter(tm -> running.contains(tm.name())).toList();
        if (candidates.isEmpty()) {
            candidates = cluster.taskManagers();
        }
        FlinkProcess victim = candidates.get(random.nextInt(candidates.size()));
        int taskManagers = cluster.taskManagers().size();
        long at = System.currentTimeMillis();
        long started = System.nanoTime();
        victim.handle().destroyForcibly();
        injected.run();
        Polling.until(recoveryTimeout, () -> "a TaskManager in place of " + victim + " to register", () -> {
            List<FlinkProcess> now = cluster.taskManagers();
            return !victim.handle().isAlive() && now.size() == taskManagers && now.stream().allMatch(FlinkProcess::isAlive)
                    && registered().containsAll(now.stream().map(FlinkProcess::name).toList());
        });
        awaitJobRecovered(null, at);
        return new Outcome("TaskManager " + victim, since(started));
    }

    private Outcome killJobManager() throws Exception {
        FlinkSessionCluster cluster = cluster();
        FlinkProcess victim = cluster.jobManager();
        String previousJob = jobId();
        Optional<Exception> previousFailure = stack.resubmissionFailure();
        long at = System.currentTimeMillis();
        long started = System.nanoTime();
        victim.handle().destroyForcibly();
        injected.run();
        Polling.until(recoveryTimeout, () -> "the stack to restart the JobManager and submit the job again", () -> {
            Optional<Exception> failure = stack.resubmissionFailure();
            if (failure.isPresent() && !failure.equals(previousFailure)) {
                throw new IllegalStateException("the job could not be submitted again after the JobManager restart", failure.get());
            }
            return !victim.handle().isAlive() && !jobId().equals(previousJob);
        });
        awaitJobRecovered(previousJob, at);
        return new Outcome("JobManager " + victim + ", job " + previousJob + " → " + jobId(), since(started));
    }

    private Outcome restartKafka() throws Exception {
        // Nothing of the producer's in flight across the restart: see ReplayDriver.pauseAndFlush for why.
        replay.pauseAndFlush(recoveryTimeout);
        long at = System.currentTimeMillis();
        long started = System.nanoTime();
        stack.restartKafka();
        injected.run();
        awaitJobRecovered(null, at);
        return new Outcome("broker " + stack.bootstrapServers(), since(started));
    }

    private Outcome restartCatalog() throws Exception {
        long at = System.currentTimeMillis();
        long started = System.nanoTime();
        stack.restartCatalog();
        injected.run();
        awaitJobRecovered(null, at);
        return new Outcome("catalog " + stack.catalogUri(), since(started));
    }

    private Outcome cancelAndResume() throws Exception {
        String previousJob = jobId();
        long at = System.currentTimeMillis();
        long started = System.nanoTime();
        rest().cancelJob(previousJob);
        injected.run();
        Polling.until(recoveryTimeout, () -> "job " + previousJob + " to be cancelled", () -> rest().jobState(previousJob).equals("CANCELED"));
        LocalStack.RunningJob resumed = stack.submitJob(jobJar);
        awaitJobRecovered(previousJob, at);
        return new Outcome("job " + previousJob + " → " + resumed.jobId() + resumed.resumedFrom().map(p -> " (from " + p.getFileName() + ")")
                .orElse(" (no retained checkpoint)"), since(started));
    }

    private Outcome killProducer() throws Exception {
        int runs = replay.runs();
        long started = System.nanoTime();
        String target = replay.kill();
        injected.run();
        replay.awaitRunningAgain(runs, recoveryTimeout);
        return new Outcome(target, since(started));
    }

    /**
     * Waits until the lakehouse job (another one than {@code previousJob} when given) runs every task and has completed
     * a checkpoint triggered after {@code faultAtMillis}: it reads, writes and commits again.
     */
    private void awaitJobRecovered(String previousJob, long faultAtMillis) throws Exception {
        try {
            pollJobRecovered(previousJob, faultAtMillis);
        } catch (TimeoutException e) {
            throw new TimeoutException(e.getMessage() + "; " + dumpThreads());
        }
    }

    private void pollJobRecovered(String previousJob, long faultAtMillis) throws Exception {
        Polling.until(recoveryTimeout, () -> "the job to run every task and complete a checkpoint after the fault", () -> {
            String jobId = jobId();
            if (previousJob != null && jobId.equals(previousJob)) {
                return false;
            }
            try {
                String state = rest().jobState(jobId);
                if (ENDED.contains(state)) {
                    throw new IllegalStateException("job " + jobId + " is " + state + ":\n" + rest().rootException(jobId));
                }
                if (!rest().allTasksRunning(jobId)) {
                    return false;
                }
                JsonNode completed = rest().checkpoints(jobId).path("latest").path("completed");
                return !completed.isMissingNode() && !completed.isNull() && completed.path("trigger_timestamp").asLong() > faultAtMillis;
            } catch (IOException e) {
                return false; // the REST API of a JobManager that is restarting
            }
        });
    }

    /**
     * Writes the thread stacks of every Flink process next to their logs, so that a recovery that never came can be
     * explained after the run: which call a task or the checkpoint coordinator waits on. Best effort.
     */
    private String dumpThreads() {
        Optional<FlinkSessionCluster> cluster = stack.sessionCluster();
        if (cluster.isEmpty()) {
            return "no thread dumps (Flink runs inside this process)";
        }
        Path folder = cluster.get().logDir();
        String prefix = "thread-dump-" + DUMP_TIME.format(LocalDateTime.now()) + "-";
        List<String> written = new ArrayList<>();
        try {
            Files.writeString(folder.resolve(prefix + "jobmanager.txt"), rest().jobManagerThreadDump());
            written.add("jobmanager");
            for (String taskManager : rest().taskManagerIds()) {
                Files.writeString(folder.resolve(prefix + taskManager + ".txt"), rest().taskManagerThreadDump(taskManager));
                written.add(taskManager);
            }
        } catch (Exception e) {
            return "thread dumps of " + written + " in " + folder + ", the others failed: " + e;
        }
        return "thread dumps of " + written + " in " + folder + "/" + prefix + "*.txt";
    }

    private Set<String> registered() throws InterruptedException {
        try {
            return rest().taskManagerIds();
        } catch (IOException e) {
            return Set.of();
        }
    }

    private String jobId() {
        return stack.lakehouseJob().orElseThrow(() -> new IllegalStateException("no lakehouse job was submitted")).jobId();
    }

    private FlinkRestClient rest() {
        return stack.flinkRest();
    }

    private FlinkSessionCluster cluster() {
        return stack.sessionCluster().orElseThrow(() -> new IllegalStateException(
                "killing Flink processes needs Flink as separate processes: give --taskmanagers 1 or more"));
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
