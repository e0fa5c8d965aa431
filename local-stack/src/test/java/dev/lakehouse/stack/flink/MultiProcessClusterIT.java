package dev.lakehouse.stack.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakehouse.replay.KafkaRecordSender;
import dev.lakehouse.replay.RecordSender;
import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.drain.DrainWatcher;
import dev.lakehouse.stack.testing.IcebergRows;
import dev.lakehouse.stack.testing.KafkaTestBroker;
import dev.lakehouse.stack.testing.LoopbackAssertions;
import dev.lakehouse.stack.testing.Poll;
import dev.lakehouse.stack.testing.OracleTables;
import dev.lakehouse.stack.testing.RecordBuffer;
import dev.lakehouse.stack.testing.RecordBuffer.BufferedRecord;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink as separate processes — a JobManager and two TaskManagers that the stack starts from its own jars — produces
 * exactly the tables of the single-process stack: every bronze, silver and gold table equals the independent batch
 * recomputation the convergence test uses, even though a TaskManager is killed with SIGKILL in the middle of the
 * replay: the job restarts from its last checkpoint, the stack starts a replacement, and no row is lost or doubled.
 * (One scenario proves both: a run without the kill, once a test of its own, cost a whole multi-process stack.)
 */
class MultiProcessClusterIT {
    private static final Logger LOG = LoggerFactory.getLogger(MultiProcessClusterIT.class);
    private static final Path JOB_JAR = Path.of(System.getProperty("lakehouse.job.jar"));
    private static final int TASK_MANAGERS = 2;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
    /** The job's default watermark bound: the final watermark is the heartbeat's time minus this, minus 1 ms. */
    private static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofMinutes(3);

    /**
     * The replay pauses on conditions rather than running at a rate: a third of the rows, then a wait until a checkpoint
     * has committed some of them; the next sixth, and at once the SIGKILL, while those rows are in Kafka but no
     * checkpoint covers them yet; the last half and the event-time heartbeat while the job is failing over. Before
     * that, the processes are checked: two TaskManagers of their own, both registered, on loopback, running the job.
     */
    @Test
    void twoTaskManagerProcessesRunTheJobAndOneKilledMidReplayLosesNoRowAndDoublesNone() throws Exception {
        try (Scenario scenario = Scenario.start("killed-taskmanager")) {
            FlinkSessionCluster cluster = scenario.cluster();
            FlinkRestClient rest = scenario.stack.flinkRest();
            String jobId = scenario.job.jobId();
            assertThat(cluster.taskManagers()).hasSize(TASK_MANAGERS).allSatisfy(taskManager -> {
                assertThat(taskManager.isAlive()).isTrue();
                assertThat(taskManager.pid()).isNotEqualTo(ProcessHandle.current().pid());
            });
            assertThat(rest.taskManagerIds())
                    .containsExactlyInAnyOrderElementsOf(cluster.taskManagers().stream().map(FlinkProcess::name).toList());
            LoopbackAssertions.assertLoopbackOnly(scenario.restPort());
            assertThat(rest.taskManagersOf(jobId)).as("TaskManagers running the job's tasks").isNotEmpty()
                    .isSubsetOf(cluster.taskManagers().stream().map(FlinkProcess::name).toList());
            // What the chaos run saves when a recovery never comes: every thread, with stacks deeper than Flink's 8 frames.
            String taskManagerThreads = rest.taskManagerThreadDump(cluster.taskManagers().get(0).name());
            assertThat(taskManagerThreads).contains("\"Flink Netty").containsPattern("(?s)(\\tat [^\\n]+\\n){9}");
            assertThat(rest.jobManagerThreadDump()).contains("flink-pekko");
            // The JobManager planned the job's SQL: the planner's temp jar is in the cluster's folder, not in /tmp.
            assertThat(cluster.clusterDir().resolve("jvm-tmp")).isDirectoryContaining("glob:**/flink-table-planner_*.jar");

            int total = scenario.records.size();
            scenario.send(0, total / 3);

            TableIdentifier events = TableIdentifier.of("bronze", "customer_events");
            try (RESTCatalog catalog = scenario.stack.openCatalog(); Admin admin = scenario.stack.openAdmin()) {
                Poll.until(WAIT, "a checkpoint that committed rows to " + events,
                        () -> DrainWatcher.rowCount(catalog.loadTable(events)) > 0);
                long committedBeforeKill = rest.latestCompletedCheckpoint(jobId).orElseThrow();

                scenario.send(total / 3, total / 2);
                long uncheckpointed = scenario.stack.drainWatcher(jobId, admin, catalog).consumerLag();
                Set<String> running = rest.taskManagersOf(jobId);
                FlinkProcess victim = cluster.taskManagers().stream().filter(tm -> running.contains(tm.name())).findFirst()
                        .orElseThrow(() -> new AssertionError("no TaskManager process runs tasks of the job: " + running));
                long killedAt = System.nanoTime();
                assertThat(victim.handle().destroyForcibly()).isTrue();
                LOG.info("Killed {} with SIGKILL after {} of {} rows, {} of them past the offsets a checkpoint has committed; "
                        + "checkpoint {} had completed", victim, total / 2, total, uncheckpointed, committedBeforeKill);
                assertThat(uncheckpointed).as("rows the job must take again from its last checkpoint").isPositive();

                scenario.send(total / 2, total);
                Instant end = scenario.advanceEventTime();

                Poll.until(WAIT, "a replacement for " + victim.name() + " to register", () -> {
                    List<FlinkProcess> now = cluster.taskManagers();
                    return now.size() == TASK_MANAGERS && now.stream().allMatch(FlinkProcess::isAlive)
                            && now.stream().noneMatch(tm -> tm.pid() == victim.pid())
                            && registered(rest).equals(names(now));
                });
                Duration replaced = Duration.ofNanos(System.nanoTime() - killedAt);
                Poll.until(WAIT, "the job to restore a checkpoint and complete a new one", () -> {
                    JsonNode latest = checkpoints(rest, jobId).path("latest");
                    long restored = latest.path("restored").path("id").asLong(-1);
                    return restored >= 0 && latest.path("completed").path("id").asLong(-1) > restored && allTasksRunning(rest, jobId);
                });
                Duration recovered = Duration.ofNanos(System.nanoTime() - killedAt);
                long restored = checkpoints(rest, jobId).path("latest").path("restored").path("id").asLong();
                LOG.info("After the kill: replacement TaskManager registered in {} ms; job restored checkpoint {} and completed a "
                        + "new one in {} ms", replaced.toMillis(), restored, recovered.toMillis());
                assertThat(restored).as("the job resumed from its last checkpoint, not from scratch").isGreaterThanOrEqualTo(committedBeforeKill);
                assertThat(victim.handle().isAlive()).isFalse();

                scenario.drainAndCompare(end);
            }
            scenario.stopAndAssertNothingLeft();
        }
    }

    /** A JobManager that cannot start fails the start with the end of its output, and leaves no process behind. */
    @Test
    void aProcessThatCannotStartFailsTheStartWithTheEndOfItsLog() throws Exception {
        Path workDir = Path.of("target", "multi-process-it", "cannot-start").toAbsolutePath();
        TempDirs.deleteRecursively(workDir);
        SessionClusterSettings defaults = SessionClusterSettings.forStack(1, 1, 0);
        SessionClusterSettings noFlinkOnTheClassPath = new SessionClusterSettings(1, 1, 0, defaults.jobManagerProcessMemory(),
                defaults.taskManagerProcessMemory(), defaults.heartbeatInterval(), defaults.heartbeatTimeout(),
                defaults.restartDelay(), Duration.ofMinutes(1), defaults.java(), workDir.resolve("no-such.jar").toString());

        assertThatThrownBy(() -> FlinkSessionCluster.start(noFlinkOnTheClassPath, workDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Flink jobmanager")
                .hasMessageContaining("while starting")
                .hasMessageContaining("StandaloneSessionClusterEntrypoint");
        assertThat(ProcessHandle.current().children()).as("child processes after the failed start").noneMatch(ProcessHandle::isAlive);
        TempDirs.deleteRecursively(workDir);
    }

    private static Set<String> registered(FlinkRestClient rest) {
        try {
            return rest.taskManagerIds();
        } catch (IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> names(List<FlinkProcess> processes) {
        Set<String> names = new LinkedHashSet<>();
        processes.forEach(process -> names.add(process.name()));
        return names;
    }

    private static JsonNode checkpoints(FlinkRestClient rest, String jobId) {
        try {
            return rest.checkpoints(jobId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean allTasksRunning(FlinkRestClient rest, String jobId) {
        try {
            return rest.allTasksRunning(jobId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One stack with a two-TaskManager session cluster on a test broker, its job running, and the sample seeds read
     * into memory in the producer's event-time order (so that a test decides when each part is sent). The warehouse,
     * with every Flink log, stays under {@code target/} when a scenario fails.
     */
    private static final class Scenario implements AutoCloseable {
        final KafkaTestBroker kafka;
        final Path warehouse;
        final LocalStack stack;
        final LocalStack.RunningJob job;
        final List<BufferedRecord> records;
        final Instant lastEventTime;
        private final List<ProcessHandle> processesSeen = new ArrayList<>();
        private boolean passed;

        private Scenario(KafkaTestBroker kafka, Path warehouse, LocalStack stack, LocalStack.RunningJob job,
                List<BufferedRecord> records, Instant lastEventTime) {
            this.kafka = kafka;
            this.warehouse = warehouse;
            this.stack = stack;
            this.job = job;
            this.records = records;
            this.lastEventTime = lastEventTime;
        }

        static Scenario start(String name) throws Exception {
            Path warehouse = Path.of("target", "multi-process-it", name).toAbsolutePath();
            TempDirs.deleteRecursively(warehouse);
            Files.createDirectories(warehouse);
            KafkaTestBroker kafka = KafkaTestBroker.start();
            LocalStack stack = null;
            try {
                long starting = System.nanoTime();
                stack = LocalStack.start(StackSettings.ephemeral(warehouse, CHECKPOINT_INTERVAL)
                        .withExternalKafka(kafka.bootstrapServers())
                        .withTaskManagers(TASK_MANAGERS));
                long started = System.nanoTime();
                LocalStack.RunningJob job = stack.submitJob(JOB_JAR);
                FlinkRestClient rest = stack.flinkRest();
                Poll.until(WAIT, "every task of job " + job.jobId() + " to run", () -> allTasksRunning(rest, job.jobId()));
                LOG.info("Stack with {} TaskManager processes started in {} ms, every task of the job running {} ms later", TASK_MANAGERS,
                        (started - starting) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
                List<BufferedRecord> records = new ArrayList<>();
                ReplaySummary summary = ReplayProducer.run(ReplayOptions.builder(SeedFolders.sample())
                        .bootstrapServers(stack.bootstrapServers()).build(), new RecordBuffer(records));
                return new Scenario(kafka, warehouse, stack, job, records, summary.lastEventTime().orElseThrow());
            } catch (Exception | Error e) {
                if (stack != null) {
                    stack.close();
                }
                kafka.close();
                throw e;
            }
        }

        FlinkSessionCluster cluster() {
            FlinkSessionCluster cluster = stack.sessionCluster().orElseThrow(() -> new AssertionError("Flink runs in-process"));
            processesSeen.add(cluster.jobManager().handle());
            cluster.taskManagers().forEach(taskManager -> processesSeen.add(taskManager.handle()));
            return cluster;
        }

        int restPort() {
            return URI.create(stack.dashboardUrl()).getPort();
        }

        /** Sends records {@code [from, to)} and waits until the broker has them all. */
        void send(int from, int to) {
            try (KafkaRecordSender sender = new KafkaRecordSender(stack.bootstrapServers(), new Properties())) {
                records.subList(from, to).forEach(record -> sender.send(record.topic(), record.key(), record.value(), record.timestamp()));
                sender.flush();
                assertThat(sender.failure()).isNull();
            }
        }

        /** Moves event time past every session, window and SLA deadline of the replay; returns that time. */
        Instant advanceEventTime() throws Exception {
            Instant end = lastEventTime.plus(LocalStack.CLOSE_HISTORY_AFTER);
            stack.advanceEventTime(end);
            return end;
        }

        /** Waits until every row is committed, then compares each table with its oracle. */
        void drainAndCompare(Instant end) throws Exception {
            long draining = System.nanoTime();
            stack.awaitDrained(job.jobId(), Duration.ofMinutes(5), status -> {});
            LOG.info("Drained in {} ms", (System.nanoTime() - draining) / 1_000_000);

            LocalDateTime finalWatermark = LocalDateTime.ofInstant(end.minus(MAX_OUT_OF_ORDERNESS).minusMillis(1), ZoneOffset.UTC);
            Map<String, String> differences;
            try (RESTCatalog catalog = stack.openCatalog()) {
                differences = OracleTables.differences(catalog, SeedFolders.sample(), finalWatermark);
                assertThat(IcebergRows.read(catalog, TableIdentifier.of("silver", "late_events")))
                        .as("nothing is late in an in-order replay").isEmpty();
            }
            assertThat(differences).as("tables that differ from the batch recomputation").isEmpty();
        }

        /** Closes the stack and checks that none of its Flink processes outlives it, and the dashboard port is free. */
        void stopAndAssertNothingLeft() throws Exception {
            FlinkSessionCluster cluster = cluster();
            logMemory(cluster);
            int restPort = restPort();
            stack.close();
            assertThat(processesSeen).as("Flink processes after the stack closed").noneMatch(ProcessHandle::isAlive);
            assertThat(ProcessHandle.current().children()).as("child processes after the stack closed").noneMatch(ProcessHandle::isAlive);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", restPort), 1_000);
                throw new AssertionError("the dashboard port " + restPort + " still answers after the stack closed");
            } catch (IOException expected) {
                // refused: nothing listens any more
            }
            passed = true;
        }

        private static void logMemory(FlinkSessionCluster cluster) {
            List<FlinkProcess> processes = new ArrayList<>(cluster.taskManagers());
            processes.add(0, cluster.jobManager());
            for (FlinkProcess process : processes) {
                LOG.info("{}: RSS {} MB", process, residentMegabytes(process.pid()));
            }
        }

        private static long residentMegabytes(long pid) {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                stack.close();
            } finally {
                kafka.close();
                if (passed) {
                    TempDirs.deleteRecursively(warehouse);
                } else {
                    LOG.warn("Kept the warehouse with every Flink log for diagnosis: {}", warehouse);
                }
            }
        }
    }
}
