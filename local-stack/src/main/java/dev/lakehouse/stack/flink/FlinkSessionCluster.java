package dev.lakehouse.stack.flink;

import dev.lakehouse.stack.Folders;
import dev.lakehouse.stack.Polling;
import dev.lakehouse.stack.kafka.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ConfigurationUtils;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink standalone session cluster on this machine: a JobManager and N TaskManagers, each a JVM of its own, started
 * from the Maven jars the stack runs with, as Flink's {@code jobmanager.sh}/{@code taskmanager.sh} would start them
 * from a distribution. Everything listens on 127.0.0.1 on ports written into the configuration; configuration, logs
 * and pid files live under {@code <workDir>/cluster}.
 *
 * <p>The stack acts as the processes' supervisor: when a TaskManager exits (killed, crashed, out of memory) a
 * replacement with a new resource id starts, so the jobs get their slots back. When the JobManager exits, a new one
 * starts on the same ports; without high availability its jobs ended with the old one, so the listeners given to
 * {@link #onJobManagerRestart} (the stack) submit them again from their latest retained checkpoints. The TaskManagers
 * stay and register with the new JobManager.
 */
public final class FlinkSessionCluster implements FlinkCluster {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkSessionCluster.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String JOB_MANAGER = "jobmanager";
    private static final String JOB_MANAGER_CLASS = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_CLASS = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String LOG4J_FILE = "log4j-cluster.properties";
    /** The processes' java.io.tmpdir, under the cluster's folder. */
    private static final String JVM_TMP = "jvm-tmp";
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** A replacement that exits this soon after starting, again and again, is crash-looping: stop replacing it. */
    private static final Duration QUICK_EXIT = Duration.ofSeconds(30);
    private static final int MAX_QUICK_EXITS = 3;
    private static final Set<String> TERMINAL_JOB_STATES = Set.of("CANCELED", "FAILED", "FINISHED");

    /**
     * Flink's {@code env.java.opts.all} for Java 17 (the same list the {@code lakehouse} launcher gives the stack's own
     * JVM): without it a TaskManager cannot serialise JDK collections and {@code /jars/:id/run} fails.
     */
    static final List<String> JAVA_OPENS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    /** Flink logs at INFO to one file per process, as a distribution does; the chattiest libraries only warn. */
    static final String LOG4J_CONFIG = String.join("\n",
            "# Written by the lakehouse stack: one log file per Flink process (log.file is set on each command line)",
            "monitorInterval = 0",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = file",
            "logger.kafka.name = org.apache.kafka",
            "logger.kafka.level = WARN",
            "logger.hadoop.name = org.apache.hadoop",
            "logger.hadoop.level = WARN",
            "logger.zookeeper.name = org.apache.zookeeper",
            "logger.zookeeper.level = WARN",
            // A sink committer warns of its own gauge's name collision on every checkpoint (FLINK-35321, fixed after 2.0)
            "logger.metricgroup.name = org.apache.flink.metrics.MetricGroup",
            "logger.metricgroup.level = INFO",
            "logger.metricgroup.filter.pending.type = RegexFilter",
            "logger.metricgroup.filter.pending.regex = .*'pendingCommittables'.*",
            "logger.metricgroup.filter.pending.onMatch = DENY",
            "logger.metricgroup.filter.pending.onMismatch = NEUTRAL",
            "appender.file.name = file",
            "appender.file.type = File",
            "appender.file.append = true",
            "appender.file.fileName = ${sys:log.file}",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
            "");

    private final SessionClusterSettings settings;
    private final Configuration config;
    private final URI restAddress;
    private final Path clusterDir;
    private final Path confDir;
    private final Path logDir;
    private final Path pidDir;
    private final ExecutorService supervisor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flink-process-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread shutdownHook = new Thread(this::closeQuietly, "flink-session-cluster-shutdown");
    private final Object closeLock = new Object();
    /** Every port of every process of this cluster, replacements included, comes from here, so no two collide. */
    private final LoopbackPorts.Distinct ports;
    /** By slot index 1..N: the TaskManager process currently holding that place. Guarded by {@code this}. */
    private final Map<Integer, FlinkProcess> taskManagers = new TreeMap<>();
    private final Map<Integer, Integer> replacements = new TreeMap<>();
    private final List<Runnable> jobManagerRestartListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile FlinkProcess jobManager;
    private int quickExits;
    private int jobManagerQuickExits;
    /** The JobManager crash-looped and is not replaced any more. Guarded by {@code this}. */
    private boolean jobManagerGivenUp;
    private volatile boolean closing;
    private boolean closed;

    private FlinkSessionCluster(SessionClusterSettings settings, Configuration config, Path clusterDir, LoopbackPorts.Distinct ports) {
        this.settings = settings;
        this.ports = ports;
        this.config = config;
        this.restAddress = URI.create("http://" + LOOPBACK + ":" + config.get(RestOptions.PORT));
        this.clusterDir = clusterDir;
        this.confDir = clusterDir.resolve("conf");
        this.logDir = clusterDir.resolve("log");
        this.pidDir = clusterDir.resolve("pids");
    }

    /**
     * Starts the JobManager and the TaskManagers and returns when every TaskManager has registered.
     *
     * @param workDir the stack's Flink folder: checkpoints, uploaded jars, temp files and {@code cluster/}
     * @throws IllegalStateException with the end of its log when a process exits while starting
     */
    public static FlinkSessionCluster start(SessionClusterSettings settings, Path workDir) throws Exception {
        Path clusterDir = Files.createDirectories(workDir.toAbsolutePath().resolve("cluster"));
        for (String child : List.of("conf", "log", "pids")) {
            Files.createDirectories(clusterDir.resolve(child));
        }
        int leftovers = FlinkProcess.killLeftovers(clusterDir.resolve("pids"), clusterDir);
        if (leftovers > 0) {
            LOG.warn("Killed {} Flink processes left behind by an earlier stack on this warehouse", leftovers);
        }
        // No process of this cluster runs now: what killed ones left in their JVM temp folder can go.
        Folders.deleteRecursively(clusterDir.resolve(JVM_TMP));
        Files.createDirectories(clusterDir.resolve(JVM_TMP));
        LoopbackPorts.Distinct ports = new LoopbackPorts.Distinct();
        Configuration config = configuration(settings, workDir, ports);
        FlinkSessionCluster cluster = new FlinkSessionCluster(settings, config, clusterDir, ports);
        try {
            cluster.launch();
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /** What every process of the cluster reads from {@code config.yaml}; per-process ports come as {@code -D} options. */
    static Configuration configuration(SessionClusterSettings settings, Path workDir, LoopbackPorts.Distinct ports) throws IOException {
        Path checkpoints = Files.createDirectories(workDir.resolve("checkpoints"));
        Path uploads = Files.createDirectories(workDir.resolve("uploads"));
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        Configuration conf = new Configuration();
        conf.set(JobManagerOptions.ADDRESS, LOOPBACK);
        conf.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        conf.set(JobManagerOptions.PORT, ports.resolve(0));
        conf.set(RestOptions.ADDRESS, LOOPBACK);
        conf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        int restPort = ports.resolve(settings.restPort());
        conf.set(RestOptions.PORT, restPort);
        conf.set(RestOptions.BIND_PORT, Integer.toString(restPort));
        conf.set(BlobServerOptions.PORT, Integer.toString(ports.resolve(0)));
        conf.set(TaskManagerOptions.HOST, LOOPBACK);
        conf.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, settings.slotsPerTaskManager());
        // Spread a job's tasks over the TaskManagers instead of filling the first: losing one then costs part of each job.
        conf.set(TaskManagerOptions.TASK_MANAGER_LOAD_BALANCE_MODE, TaskManagerOptions.TaskManagerLoadBalanceMode.SLOTS);
        conf.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, settings.taskManagerProcessMemory());
        conf.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, settings.jobManagerProcessMemory());
        // One task per core, as in the single-process stack: the seed topics have as many partitions.
        conf.set(CoreOptions.DEFAULT_PARALLELISM, Math.min(settings.totalSlots(), Runtime.getRuntime().availableProcessors()));
        conf.set(CoreOptions.TMP_DIRS, tmp.toString());
        conf.set(WebOptions.SUBMIT_ENABLE, true);
        conf.set(WebOptions.CANCEL_ENABLE, true);
        conf.set(WebOptions.UPLOAD_DIR, uploads.toString());
        conf.set(WebOptions.TMP_DIR, tmp.toString());
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // A job that loses a TaskManager restarts from its latest checkpoint, without limit, backing off on repeats.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, settings.restartDelay());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, settings.restartDelay().multipliedBy(10));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        // Flink's 50 s default would leave the jobs waiting that long for a killed TaskManager's slots. A process that is
        // gone is usually noticed sooner still: after two heartbeat RPCs in a row fail to reach it.
        conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, settings.heartbeatInterval());
        conf.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, settings.heartbeatTimeout());
        conf.set(HeartbeatManagerOptions.HEARTBEAT_RPC_FAILURE_THRESHOLD, 2);
        // A TaskManager that lost its JobManager retries the registration with a back-off up to 30 s by default: a
        // JobManager restarted by the stack would wait that long for its slots.
        conf.set(org.apache.flink.configuration.ClusterOptions.REFUSED_REGISTRATION_DELAY, Duration.ofSeconds(2));
        conf.set(org.apache.flink.configuration.ClusterOptions.ERROR_REGISTRATION_DELAY, Duration.ofSeconds(2));
        conf.set(org.apache.flink.configuration.ClusterOptions.MAX_REGISTRATION_TIMEOUT, Duration.ofSeconds(5));
        // The dashboard's and REST API's thread dumps stop at 8 frames by default, too few to see what a stuck task waits on.
        conf.set(org.apache.flink.configuration.ClusterOptions.THREAD_DUMP_STACKTRACE_MAX_DEPTH, 64);
        return conf;
    }

    private void launch() throws Exception {
        long started = System.nanoTime();
        Files.write(confDir.resolve(GlobalConfiguration.FLINK_CONF_FILENAME), ConfigurationUtils.convertConfigToWritableLines(config, true));
        Files.writeString(confDir.resolve(LOG4J_FILE), LOG4J_CONFIG);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // All at once: a TaskManager retries its registration until the JobManager is up, and the JVMs warm up meanwhile.
        jobManager = FlinkProcess.launch(JOB_MANAGER, jobManagerCommand(), clusterDir, logDir, pidDir);
        synchronized (this) {
            for (int index = 1; index <= settings.taskManagers(); index++) {
                taskManagers.put(index, launchTaskManager(index));
            }
        }
        Polling.until(settings.startTimeout(), () -> "the Flink JobManager's REST API at " + restAddress + "; see " + jobManager.logFile(),
                () -> {
                    jobManager.requireAlive("starting");
                    return restAnswers();
                });
        List<FlinkProcess> starting = taskManagers();
        Polling.until(settings.startTimeout(), () -> "TaskManagers " + starting + " to register; see their logs in " + logDir, () -> {
            jobManager.requireAlive("waiting for the TaskManagers");
            starting.forEach(taskManager -> taskManager.requireAlive("registering with the JobManager"));
            return rest().taskManagerIds().containsAll(starting.stream().map(FlinkProcess::name).toList());
        });
        superviseJobManager(jobManager);
        starting.forEach(this::supervise);
        LOG.info("Flink session cluster up in {} ms: {} and TaskManagers {} with {} slots each; dashboard {}; config and logs in {}",
                (System.nanoTime() - started) / 1_000_000, jobManager, starting, settings.slotsPerTaskManager(), restAddress, clusterDir);
    }

    /** The registered TaskManagers; none while the REST API does not answer (a JobManager that is still starting). */
    private Set<String> registeredTaskManagers() throws InterruptedException {
        try {
            return rest().taskManagerIds();
        } catch (IOException e) {
            return Set.of();
        }
    }

    private boolean restAnswers() throws InterruptedException {
        try {
            rest().clusterOverview();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> jobManagerCommand() {
        // What BashJavaUtils GET_JM_RESOURCE_PARAMS prints for jobmanager.sh, computed here with the same Flink classes.
        JobManagerProcessSpec memory = JobManagerProcessUtils.processSpecFromConfig(config);
        Map<String, String> dynamic = new LinkedHashMap<>();
        dynamic.put(MetricOptions.QUERY_SERVICE_PORT.key(), Integer.toString(ports.resolve(0)));
        return javaCommand(JOB_MANAGER, words(JobManagerProcessUtils.generateJvmParametersStr(memory, config)), JOB_MANAGER_CLASS,
                dynamic, words(JobManagerProcessUtils.generateDynamicConfigsStr(memory)));
    }

    /** Starts the TaskManager for place {@code index}; a replacement gets a new resource id and new ports. */
    private FlinkProcess launchTaskManager(int index) throws IOException {
        int replacement = replacements.getOrDefault(index, 0);
        String resourceId = "taskmanager-" + index + (replacement == 0 ? "" : "-replacement-" + replacement);
        // What BashJavaUtils GET_TM_RESOURCE_PARAMS prints for taskmanager.sh (JVM memory flags, then -D options).
        TaskExecutorProcessSpec memory = TaskExecutorProcessUtils.processSpecFromConfig(config);
        Map<String, String> dynamic = new LinkedHashMap<>();
        dynamic.put(TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key(), resourceId);
        dynamic.put(TaskManagerOptions.RPC_PORT.key(), Integer.toString(ports.resolve(0)));
        dynamic.put(NettyShuffleEnvironmentOptions.DATA_PORT.key(), Integer.toString(ports.resolve(0)));
        dynamic.put(MetricOptions.QUERY_SERVICE_PORT.key(), Integer.toString(ports.resolve(0)));
        List<String> command = javaCommand(resourceId, words(ProcessMemoryUtils.generateJvmParametersStr(memory)), TASK_MANAGER_CLASS,
                dynamic, words(TaskExecutorProcessUtils.generateDynamicConfigsStr(memory)));
        return FlinkProcess.launch(resourceId, command, clusterDir, logDir, pidDir);
    }

    private List<String> javaCommand(String name, List<String> memoryFlags, String mainClass, Map<String, String> dynamic,
            List<String> memoryOptions) {
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.addAll(memoryFlags);
        command.addAll(JAVA_OPENS);
        // Flink's planner loader copies a 45 MB jar to java.io.tmpdir and deletes it only on a clean exit: a killed
        // process (a chaos fault, a failed-over TaskManager) left it in /tmp for good.
        command.add("-Djava.io.tmpdir=" + clusterDir.resolve(JVM_TMP));
        // log.file is also what the dashboard shows as this process's log
        command.add("-Dlog.file=" + logDir.resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=" + confDir.resolve(LOG4J_FILE));
        command.add("-cp");
        command.add(settings.classpath());
        command.add(mainClass);
        command.add("--configDir");
        command.add(confDir.toString());
        dynamic.forEach((key, value) -> {
            command.add("-D");
            command.add(key + "=" + value);
        });
        command.addAll(memoryOptions);
        return command;
    }

    private static List<String> words(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    private void supervise(FlinkProcess taskManager) {
        taskManager.process().onExit().thenRunAsync(() -> replaceLost(taskManager), supervisor);
    }

    /** Runs on the supervisor thread when a TaskManager process has exited. */
    private void replaceLost(FlinkProcess lost) {
        FlinkProcess replacement;
        synchronized (this) {
            Integer index = taskManagers.entrySet().stream().filter(e -> e.getValue() == lost).map(Map.Entry::getKey).findFirst().orElse(null);
            if (closing || index == null) {
                return;
            }
            lost.forgetPid();
            if (jobManagerGivenUp) {
                // A replacement would only wait for a JobManager that is gone for good (replaceJobManager says so).
                taskManagers.remove(index);
                return;
            }
            int exitCode = lost.process().exitValue();
            if (lost.uptime().compareTo(QUICK_EXIT) < 0 && ++quickExits > MAX_QUICK_EXITS) {
                taskManagers.remove(index);
                LOG.error("TaskManager {} exited with code {} {} times in a row shortly after starting: not starting another.\n{}",
                        lost, exitCode, quickExits, lost.describeLogs());
                return;
            }
            replacements.merge(index, 1, Integer::sum);
            try {
                replacement = launchTaskManager(index);
            } catch (IOException e) {
                LOG.error("TaskManager {} exited with code {} and its replacement could not be started", lost, exitCode, e);
                return;
            }
            taskManagers.put(index, replacement);
            LOG.warn("TaskManager {} exited with code {}{}; started {} in its place (log: {})", lost, exitCode,
                    exitCode == 137 ? " (killed)" : "", replacement, lost.logFile());
            supervise(replacement);
        }
        try {
            Polling.until(settings.startTimeout(), () -> "TaskManager " + replacement + " to register", () ->
                    closing || !replacement.isAlive() || rest().taskManagerIds().contains(replacement.name()));
            if (!closing && replacement.isAlive()) {
                synchronized (this) {
                    quickExits = 0;
                }
                LOG.info("TaskManager {} registered {} ms after {} was lost: its slots are available again", replacement,
                        replacement.uptime().toMillis(), lost.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Replacement TaskManager {} has not registered yet: {}", replacement, e.getMessage());
        }
    }

    private void superviseJobManager(FlinkProcess process) {
        process.process().onExit().thenRunAsync(() -> replaceJobManager(process), supervisor);
    }

    /**
     * Runs on the supervisor thread when the JobManager process has exited: starts a new one on the same ports (they
     * are in {@code config.yaml}), waits for its REST API and for the TaskManagers to register again, then tells the
     * listeners, which resubmit the jobs.
     */
    private void replaceJobManager(FlinkProcess lost) {
        FlinkProcess replacement;
        synchronized (this) {
            if (closing || jobManager != lost) {
                return;
            }
            int exitCode = lost.process().exitValue();
            if (lost.uptime().compareTo(QUICK_EXIT) < 0 && ++jobManagerQuickExits > MAX_QUICK_EXITS) {
                jobManagerGivenUp = true;
                LOG.error("The Flink JobManager {} exited with code {} {} times in a row shortly after starting: not starting "
                        + "another. Restart the stack; it resumes the jobs from their retained checkpoints.\n{}",
                        lost, exitCode, jobManagerQuickExits, lost.describeLogs());
                return;
            }
            try {
                replacement = FlinkProcess.launch(JOB_MANAGER, jobManagerCommand(), clusterDir, logDir, pidDir);
            } catch (IOException e) {
                jobManagerGivenUp = true;
                LOG.error("The Flink JobManager {} exited with code {} and its replacement could not be started", lost, exitCode, e);
                return;
            }
            jobManager = replacement;
            // Supervised from the start: a replacement that dies while starting is replaced in turn (or given up on).
            superviseJobManager(replacement);
            LOG.warn("The Flink JobManager {} exited with code {}{}: started {} in its place on the same ports; its jobs are "
                    + "submitted again from their retained checkpoints", lost, exitCode, exitCode == 137 ? " (killed)" : "", replacement);
        }
        try {
            Polling.until(settings.startTimeout(), () -> "the restarted JobManager's REST API at " + restAddress, () -> {
                replacement.requireAlive("restarting");
                return closing || restAnswers();
            });
            List<FlinkProcess> current = taskManagers();
            try {
                Polling.until(settings.startTimeout(), () -> "TaskManagers " + current + " to register with the restarted JobManager",
                        () -> closing || registeredTaskManagers().containsAll(current.stream().map(FlinkProcess::name).toList()));
            } catch (java.util.concurrent.TimeoutException e) {
                // The jobs can still start on the TaskManagers that did register, or wait for slots: submit them anyway.
                LOG.warn("Not every TaskManager registered with the restarted JobManager: {}", e.getMessage());
            }
            if (closing) {
                return;
            }
            synchronized (this) {
                jobManagerQuickExits = 0;
            }
            LOG.info("JobManager {} is up {} ms after {} was lost, with TaskManagers {}", replacement, replacement.uptime().toMillis(),
                    lost, current);
            jobManagerRestartListeners.forEach(Runnable::run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("The restarted JobManager {} did not come up: {}", replacement, e.getMessage());
        }
    }

    /**
     * Runs {@code listener} on the supervisor thread each time a JobManager the stack started in place of a lost one is
     * up with its TaskManagers: the moment to submit the jobs again.
     */
    public void onJobManagerRestart(Runnable listener) {
        jobManagerRestartListeners.add(listener);
    }

    @Override
    public URI restAddress() {
        return restAddress;
    }

    /** The TaskManager processes running now, in the order of their places (replacements take the place of the lost). */
    public synchronized List<FlinkProcess> taskManagers() {
        return List.copyOf(taskManagers.values());
    }

    public FlinkProcess jobManager() {
        return jobManager;
    }

    /** The log files of every process. */
    public Path logDir() {
        return logDir;
    }

    /** {@code config.yaml}, the logs and pid files of every process. */
    public Path clusterDir() {
        return clusterDir;
    }

    /**
     * Cancels the running jobs through the REST API (their latest checkpoints are retained for the next start), then
     * stops the TaskManagers and the JobManager: SIGTERM, SIGKILL after a grace period.
     */
    @Override
    public void close() {
        closing = true;
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                cancelJobs();
            } finally {
                List<FlinkProcess> all;
                synchronized (this) {
                    all = new ArrayList<>(taskManagers.values());
                    if (jobManager != null) {
                        all.add(jobManager);
                    }
                }
                all.forEach(process -> process.process().destroy());
                all.forEach(process -> process.stop(STOP_GRACE));
                supervisor.shutdownNow();
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // Already shutting down: this is the hook, or another hook that stops the stack.
                }
            }
        }
    }

    private void cancelJobs() {
        if (jobManager == null || !jobManager.isAlive()) {
            return;
        }
        FlinkRestClient rest = rest();
        try {
            List<String> running = rest.jobStates().entrySet().stream()
                    .filter(job -> !TERMINAL_JOB_STATES.contains(job.getValue())).map(Map.Entry::getKey).toList();
            for (String jobId : running) {
                rest.cancelJob(jobId);
            }
            Polling.until(CANCEL_TIMEOUT, () -> "jobs " + running + " to finish cancelling", () -> {
                Map<String, String> states = rest.jobStates();
                return running.stream().allMatch(job -> TERMINAL_JOB_STATES.contains(states.getOrDefault(job, "CANCELED")));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Could not cancel the jobs before stopping Flink (their last checkpoints stay retained): {}", e.toString());
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("error while stopping the Flink session cluster: " + e);
        }
    }
}
