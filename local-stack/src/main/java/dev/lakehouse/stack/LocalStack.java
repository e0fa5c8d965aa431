package dev.lakehouse.stack;

import dev.lakehouse.bronze.BronzeTopics;
import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.CatalogSettings;
import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.jobs.LakehouseTables;
import dev.lakehouse.stack.catalog.RestCatalogServer;
import dev.lakehouse.stack.drain.DrainWatcher;
import dev.lakehouse.stack.flink.FlinkCluster;
import dev.lakehouse.stack.flink.FlinkRestClient;
import dev.lakehouse.stack.flink.FlinkSessionCluster;
import dev.lakehouse.stack.flink.LocalFlinkCluster;
import dev.lakehouse.stack.flink.SessionClusterSettings;
import dev.lakehouse.stack.flink.RetainedCheckpoints;
import dev.lakehouse.stack.kafka.EmbeddedKafkaBroker;
import dev.lakehouse.stack.kafka.KafkaTopicDefaults;
import dev.lakehouse.stack.kafka.KafkaTopics;
import dev.lakehouse.stack.trino.JavaRuntimes;
import dev.lakehouse.stack.trino.TrinoArtifacts;
import dev.lakehouse.replay.EventTimeHeartbeat;
import dev.lakehouse.stack.trino.TrinoDistribution;
import dev.lakehouse.stack.trino.TrinoServer;
import dev.lakehouse.stack.trino.TrinoSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole lakehouse in one folder: a Kafka broker, the Iceberg REST catalog and Flink with its dashboard in this
 * process (or Flink as a JobManager and TaskManager child processes), and Trino (which needs a newer Java) as a child
 * process. Jobs are submitted as the job jar through Flink's
 * REST API, exactly as a user does.
 */
public final class LocalStack implements AutoCloseable {
    public static final String JOB_ENTRY_CLASS = "dev.lakehouse.jobs.LakehouseJob";
    public static final String JOB_GROUP = "lakehouse";
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private Properties kafkaClient = new Properties();
    private EmbeddedKafkaBroker kafka;
    private String bootstrapServers;
    private RestCatalogServer catalog;
    private FlinkCluster flink;
    private TrinoServer trino;
    private String trinoUnavailable;
    /** The jobs this stack submitted, to submit again when a restarted JobManager has lost them. */
    private volatile Path lakehouseJar;
    private volatile List<String> lakehouseExtraArguments = List.of();
    private volatile LakehouseJob.Job lakehouseJobKind = LakehouseJob.Job.lakehouse;
    private volatile RunningJob lakehouseJob;
    private volatile List<String> maintenanceExtraArguments;
    /** Submissions one at a time (a resubmission after a JobManager restart runs on the cluster's supervisor thread). */
    private final Object submissions = new Object();
    private volatile Exception resubmissionFailure;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static LocalStack start(StackSettings settings) throws Exception {
        LocalStack stack = new LocalStack(settings);
        // Trino and Flink's processes outlive a JVM that exits without closing the stack (Ctrl-C, SIGTERM): close it then.
        Thread closeOnExit = new Thread(stack::closeQuietly, "lakehouse-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        stack.started.add(() -> removeShutdownHook(closeOnExit));
        try {
            stack.startAll();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Path state = Files.createDirectories(settings.stateDir());
        kafkaClient = settings.kafkaProperties().map(LocalStack::readProperties).orElseGet(Properties::new);
        if (settings.externalKafka() == null) {
            kafka = EmbeddedKafkaBroker.builder(state.resolve("kafka"))
                    .brokerPort(settings.kafkaPort())
                    .controllerPort(settings.kafkaControllerPort())
                    .build()
                    .start();
            started.add(kafka);
            bootstrapServers = kafka.bootstrapServers();
        } else {
            bootstrapServers = settings.externalKafka();
        }
        RestCatalogServer.Builder catalogBuilder = RestCatalogServer.builder(settings.warehouse()).port(settings.catalogPort());
        settings.objectStore().ifPresent(catalogBuilder::objectStore);
        catalog = catalogBuilder.build().start();
        started.add(catalog);
        // Trino takes 20–40 s to start: launch it first and let it come up while Flink starts and jobs are submitted.
        startTrino(state);
        flink = startFlink(state.resolve("flink"));
        started.add(flink);
        sessionCluster().ifPresent(cluster -> cluster.onJobManagerRestart(this::resubmitJobs));
        KafkaTopics.createIfMissing(bootstrapServers, kafkaClientProperties(), BronzeTopics.all(settings.topicPrefix()),
                settings.topicPartitions(), KafkaTopicDefaults.TOPIC_CONFIGS, Duration.ofMinutes(1));
        new RunningStack(ProcessHandle.current().pid(), bootstrapServers, catalog.uri(), dashboardUrl(),
                trino == null ? null : trino.uri().toString(), jobArguments(), maintenanceArguments()).write(state);
        started.add(() -> RunningStack.remove(state));
    }

    /** Flink in this JVM, or as a JobManager and TaskManager processes: either way jobs go through its REST API. */
    private FlinkCluster startFlink(Path workDir) throws Exception {
        if (settings.taskManagers() == 0) {
            return LocalFlinkCluster.start(settings.flinkPort(), settings.flinkSlots(), workDir);
        }
        return FlinkSessionCluster.start(
                SessionClusterSettings.forStack(settings.taskManagers(), settings.flinkSlots(), settings.flinkPort()), workDir);
    }

    /** Starts Trino, or records why the stack runs without it: a missing Java 24+ is not a reason to fail. */
    private void startTrino(Path state) throws Exception {
        TrinoSettings trinoSettings = settings.trino();
        if (!trinoSettings.enabled()) {
            trinoUnavailable = "Trino is disabled";
            return;
        }
        Optional<JavaRuntimes.JavaRuntime> java = JavaRuntimes.find(JavaRuntimes.TRINO_MINIMUM_FEATURE, trinoSettings.javaHome(),
                JavaRuntimes.defaultSearchRoots());
        if (java.isEmpty()) {
            trinoUnavailable = "Trino needs Java " + JavaRuntimes.TRINO_MINIMUM_FEATURE + " or newer and none was found in "
                    + JavaRuntimes.defaultSearchRoots() + "; install one (e.g. Temurin 25) or point "
                    + JavaRuntimes.TRINO_JAVA_HOME_ENV + " at it. Running without Trino.";
            LOG.warn(trinoUnavailable);
            return;
        }
        TrinoDistribution distribution;
        try {
            distribution = TrinoDistribution.prepare(TrinoArtifacts.fromBuild(), LOG::info);
        } catch (IllegalStateException e) {
            trinoUnavailable = e.getMessage() + ". Running without Trino.";
            LOG.warn(trinoUnavailable);
            return;
        }
        trino = TrinoServer.start(distribution, java.get(), state.resolve("trino"), trinoSettings.port(), catalog.uri(),
                settings.objectStore().map(ObjectStore::storage), trinoSettings);
        started.add(trino);
    }

    /**
     * Uploads the job jar and runs the lakehouse job (every layer), resuming from the newest retained checkpoint of an
     * earlier run on this warehouse so its state (de-duplication, sessions, SLA timers) and offsets carry over.
     */
    public RunningJob submitJob(Path jobJar) throws Exception {
        return submitJob(jobJar, List.of());
    }

    /** {@link #submitJob(Path)} with extra program arguments (options the stack does not set itself, such as {@code --dedup-ttl}). */
    public RunningJob submitJob(Path jobJar, List<String> extraArguments) throws Exception {
        return submitJob(jobJar, LakehouseJob.Job.lakehouse, extraArguments);
    }

    /**
     * {@link #submitJob(Path, List)} of another variant of the job, e.g. {@code silver} (no gold) to measure bronze and
     * silver alone.
     */
    public RunningJob submitJob(Path jobJar, LakehouseJob.Job kind, List<String> extraArguments) throws Exception {
        synchronized (submissions) {
            return submitJobNow(jobJar, kind, List.copyOf(extraArguments));
        }
    }

    private RunningJob submitJobNow(Path jobJar, LakehouseJob.Job kind, List<String> extraArguments) throws Exception {
        FlinkRestClient rest = flink.rest();
        String jarId = rest.uploadJar(jobJar);
        Optional<Path> resumeFrom = RetainedCheckpoints.latest(checkpointRoot(), savepointRoot("lakehouse"));
        resumeFrom.ifPresent(checkpoint -> LOG.info("Resuming the job from {}", checkpoint));
        List<String> arguments = new ArrayList<>(jobArguments(kind));
        arguments.addAll(extraArguments);
        String jobId = rest.runJar(jarId, JOB_ENTRY_CLASS, arguments, 0, resumeFrom.map(Path::toString).orElse(null));
        lakehouseJar = jobJar;
        lakehouseExtraArguments = extraArguments;
        lakehouseJobKind = kind;
        lakehouseJob = new RunningJob(jobId, jarId, resumeFrom);
        awaitRunning(rest, jobId, Duration.ofMinutes(2));
        return lakehouseJob;
    }

    /** The lakehouse job this stack submitted last: after a JobManager restart, the one submitted again. */
    public Optional<RunningJob> lakehouseJob() {
        return Optional.ofNullable(lakehouseJob);
    }

    /** Why the jobs could not be submitted again after a JobManager restart, if that failed. */
    public Optional<Exception> resubmissionFailure() {
        return Optional.ofNullable(resubmissionFailure);
    }

    /**
     * Called when a JobManager the stack restarted is up: without high availability the jobs ended with the lost one,
     * so they are submitted again, each from its latest retained checkpoint (offsets, de-duplication and session state,
     * and the Iceberg commits that checkpoint still owed are all in it).
     */
    private void resubmitJobs() {
        try {
            if (lakehouseJar != null) {
                RunningJob job = submitJob(lakehouseJar, lakehouseJobKind, lakehouseExtraArguments);
                LOG.info("Lakehouse job submitted again after the JobManager restart: {}{}", job.jobId(),
                        job.resumedFrom().map(p -> " from " + p).orElse(" (no retained checkpoint: from the start)"));
                if (maintenanceExtraArguments != null) {
                    submitMaintenance(job.jarId(), maintenanceExtraArguments);
                }
            }
        } catch (Exception e) {
            resubmissionFailure = e;
            LOG.error("Could not submit the jobs again after the JobManager restart; restart the stack to resume them", e);
        }
    }

    /** Restarts the embedded Kafka broker on the same ports and log folder (see {@link EmbeddedKafkaBroker#restart}). */
    public void restartKafka() {
        if (kafka == null) {
            throw new IllegalStateException("the stack uses an external Kafka at " + bootstrapServers + ": it cannot restart it");
        }
        kafka.restart();
    }

    /** Restarts the Iceberg REST catalog on the same port and database (see {@link RestCatalogServer#restart}). */
    public void restartCatalog() {
        catalog.restart();
    }

    /**
     * Runs the table-maintenance job from an uploaded job jar, beside the pipeline, with its own checkpoints (so the
     * pipeline never resumes from one of them) and resuming from its own latest.
     */
    public RunningJob submitMaintenance(String jarId, List<String> extraArguments) throws Exception {
        synchronized (submissions) {
            return submitMaintenanceNow(jarId, extraArguments);
        }
    }

    private RunningJob submitMaintenanceNow(String jarId, List<String> extraArguments) throws Exception {
        FlinkRestClient rest = flink.rest();
        maintenanceExtraArguments = List.copyOf(extraArguments);
        Optional<Path> resumeFrom = RetainedCheckpoints.latest(maintenanceCheckpointRoot(), savepointRoot("maintenance"));
        List<String> arguments = new ArrayList<>(maintenanceArguments());
        arguments.addAll(extraArguments);
        // The maintenance job's state is only its schedule (last runs, trigger counts): when a new version no longer has
        // an operator of the old one (the dangling-delete trigger changed from a finite to an endless source), that
        // schedule is dropped rather than refusing to start.
        String jobId = rest.runJar(jarId, JOB_ENTRY_CLASS, arguments, 1, resumeFrom.map(Path::toString).orElse(null), true);
        awaitRunning(rest, jobId, Duration.ofMinutes(2));
        return new RunningJob(jobId, jarId, resumeFrom);
    }

    public List<String> maintenanceArguments() {
        return withObjectStore(List.of(
                "--job", "maintenance",
                "--bootstrap-servers", bootstrapServers,
                "--catalog-uri", catalog.uri(),
                "--checkpoint-interval", settings.checkpointInterval().toMillis() + "ms",
                "--checkpoint-dir", maintenanceCheckpointRoot().toUri().toString()));
    }

    private Path maintenanceCheckpointRoot() {
        return settings.stateDir().resolve("flink").resolve("maintenance-checkpoints");
    }

    /** Program arguments of the job on this stack: the same a user types in the dashboard. */
    public List<String> jobArguments() {
        return jobArguments(LakehouseJob.Job.lakehouse);
    }

    private List<String> jobArguments(LakehouseJob.Job kind) {
        return withObjectStore(List.of(
                "--job", kind.name(),
                "--bootstrap-servers", bootstrapServers,
                "--topic-prefix", settings.topicPrefix(),
                "--group-id", JOB_GROUP,
                "--catalog-uri", catalog.uri(),
                "--checkpoint-interval", settings.checkpointInterval().toMillis() + "ms",
                "--checkpoint-dir", checkpointRoot().toUri().toString()));
    }

    /**
     * The object store's and Kafka's client options. Checkpoints stay in the local state folder: Flink's S3 file system
     * plugin is not on the stack's classpath.
     */
    private List<String> withObjectStore(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        settings.objectStore().ifPresent(store -> all.addAll(store.jobArguments()));
        settings.kafkaProperties().ifPresent(file -> all.addAll(List.of("--kafka-properties", file.toString())));
        return List.copyOf(all);
    }

    /** The Kafka client settings (TLS, SASL) every client of this stack uses; empty for the embedded broker. */
    public Properties kafkaClientProperties() {
        Properties copy = new Properties();
        copy.putAll(kafkaClient);
        return copy;
    }

    private static Properties readProperties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka client properties " + file, e);
        }
        return properties;
    }

    public DrainWatcher drainWatcher(String jobId, Admin admin, Catalog icebergCatalog) {
        return drainWatcher(jobId, admin, icebergCatalog, tables());
    }

    private DrainWatcher drainWatcher(String jobId, Admin admin, Catalog icebergCatalog, List<TableIdentifier> tables) {
        return new DrainWatcher(admin, JOB_GROUP, BronzeTopics.all(settings.topicPrefix()), flink.rest(), jobId, icebergCatalog, tables);
    }

    /** Waits until every record in the topics is committed to every table, then returns the row count of each. */
    public Map<TableIdentifier, Long> awaitDrained(String jobId, Duration timeout, Consumer<String> progress) throws Exception {
        return awaitDrained(jobId, tables(), timeout, progress);
    }

    /** {@link #awaitDrained(String, Duration, Consumer)} for a job that writes only {@code tables}. */
    public Map<TableIdentifier, Long> awaitDrained(String jobId, List<TableIdentifier> tables, Duration timeout, Consumer<String> progress)
            throws Exception {
        try (Admin admin = openAdmin(); RESTCatalog icebergCatalog = openCatalog()) {
            return drainWatcher(jobId, admin, icebergCatalog, tables).awaitDrained(timeout, progress);
        }
    }

    /** Every table the job writes: bronze, then silver. */
    public static List<TableIdentifier> tables() {
        return LakehouseTables.all();
    }

    public static List<TableIdentifier> bronzeTables() {
        return LakehouseTables.bronze();
    }

    /**
     * How far past a replayed history's last event to move event time so the history is complete: longer than the
     * session gap plus lateness and the longest SLA (168 h).
     */
    public static final Duration CLOSE_HISTORY_AFTER = Duration.ofDays(8);

    /**
     * Moves event time on every source partition to {@code eventTime}: the end of a replayed history, so that the
     * sessions, windows and SLA timers up to then fire without waiting for newer data.
     */
    public void advanceEventTime(Instant eventTime) throws Exception {
        int partitions = EventTimeHeartbeat.send(bootstrapServers, kafkaClientProperties(), BronzeTopics.all(settings.topicPrefix()),
                eventTime);
        LOG.info("Event time advanced to {} on {} partitions", eventTime, partitions);
    }

    public Admin openAdmin() {
        Properties config = kafkaClientProperties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(config);
    }

    /** A client of the stack's catalog; close it when done. */
    public RESTCatalog openCatalog() {
        Map<String, String> properties = settings.objectStore().map(store -> store.storage().icebergProperties()).orElse(Map.of());
        return (RESTCatalog) new CatalogSettings(catalog.uri(), "lakehouse", properties).open();
    }

    /** Where {@code ./lakehouse jobs stop --savepoint} writes the savepoints of a job ({@code lakehouse}, {@code maintenance}). */
    public Path savepointRoot(String job) {
        return RunningStack.savepointDir(settings.warehouse()).resolve(job);
    }

    public Path checkpointRoot() {
        return settings.stateDir().resolve("flink").resolve("checkpoints");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String catalogUri() {
        return catalog.uri();
    }

    public String warehouseUri() {
        return catalog.warehouseUri();
    }

    public String dashboardUrl() {
        return flink.restAddress().toString();
    }

    public FlinkRestClient flinkRest() {
        return flink.rest();
    }

    /** The JobManager and TaskManager processes, when Flink runs as a session cluster ({@code taskManagers > 0}). */
    public Optional<FlinkSessionCluster> sessionCluster() {
        return flink instanceof FlinkSessionCluster cluster ? Optional.of(cluster) : Optional.empty();
    }

    /** The stack's Trino, still starting until {@link TrinoServer#awaitReady}; empty when it runs without one. */
    public Optional<TrinoServer> trino() {
        return Optional.ofNullable(trino);
    }

    /** Why there is no Trino, for the user. */
    public Optional<String> trinoUnavailableReason() {
        return Optional.ofNullable(trinoUnavailable);
    }

    public StackSettings settings() {
        return settings;
    }

    private static void awaitRunning(FlinkRestClient rest, String jobId, Duration timeout) throws Exception {
        Polling.until(timeout, () -> "job " + jobId + " to be RUNNING", () -> {
            String state = rest.jobState(jobId);
            if (state.equals("FAILED") || state.equals("CANCELED") || state.equals("FINISHED")) {
                throw new IllegalStateException("job " + jobId + " is " + state + ":\n" + rest.rootException(jobId));
            }
            return state.equals("RUNNING");
        });
    }

    /** Stops Flink first (it reads from Kafka and writes through the catalog), then the catalog, then Kafka. */
    @Override
    public synchronized void close() throws Exception {
        Exception failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            LOG.warn("Stopping the stack at JVM exit failed", e);
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is what is closing the stack
        }
    }

    /** A job the stack submitted. */
    public record RunningJob(String jobId, String jarId, Optional<Path> resumedFrom) {}
}
