package dev.lakehouse.stack.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.drain.DrainWatcher;
import dev.lakehouse.stack.flink.FlinkProcess;
import dev.lakehouse.stack.flink.FlinkRestClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one {@link SoakSample} of a running stack: memory of each of its processes, the lakehouse job's checkpoint,
 * the consumer lag and every table's files and snapshots. A figure that cannot be read is recorded as unavailable
 * (and logged) rather than failing the soak: under load a REST call may time out once.
 */
public final class SoakSampler {
    private static final Logger LOG = LoggerFactory.getLogger(SoakSampler.class);
    private static final String HEAP_USED = "Status.JVM.Memory.Heap.Used";

    private final LocalStack stack;
    private final String jobId;
    private final DrainWatcher lag;
    private final Catalog catalog;
    private final List<TableIdentifier> tables;
    private final LongSupplier rowsSent;
    private final long startNanos;
    private long previousRows;
    private long previousNanos;
    private Map<String, String> vertexNames;

    /**
     * @param lag the lakehouse job's consumer group against the source topics
     * @param rowsSent the feed's counter
     * @param startNanos when the feed started ({@link System#nanoTime()})
     */
    public SoakSampler(LocalStack stack, String jobId, DrainWatcher lag, Catalog catalog, List<TableIdentifier> tables,
            LongSupplier rowsSent, long startNanos) {
        this.stack = stack;
        this.jobId = jobId;
        this.lag = lag;
        this.catalog = catalog;
        this.tables = List.copyOf(tables);
        this.rowsSent = rowsSent;
        this.startNanos = startNanos;
        this.previousNanos = startNanos;
    }

    public SoakSample sample() {
        long now = System.nanoTime();
        long rows = rowsSent.getAsLong();
        double rate = (rows - previousRows) / Math.max(1e-9, (now - previousNanos) / 1e9);
        previousRows = rows;
        previousNanos = now;
        FlinkRestClient rest = stack.flinkRest();
        long stateBytes = SoakSample.UNAVAILABLE;
        long checkpointMillis = SoakSample.UNAVAILABLE;
        Map<String, Long> stateByOperator = new LinkedHashMap<>();
        try {
            JsonNode completed = rest.checkpoints(jobId).path("latest").path("completed");
            if (completed.isObject()) {
                stateBytes = completed.path("state_size").asLong(SoakSample.UNAVAILABLE);
                checkpointMillis = completed.path("end_to_end_duration").asLong(SoakSample.UNAVAILABLE);
                Map<String, String> names = vertexNames(rest);
                rest.checkpointDetails(jobId, completed.path("id").asLong()).path("tasks").properties().forEach(task ->
                        stateByOperator.merge(names.getOrDefault(task.getKey(), task.getKey()), task.getValue().path("state_size").asLong(0),
                                Long::sum));
            }
        } catch (Exception e) {
            LOG.warn("Soak: checkpoint statistics unavailable", e);
        }
        long restarts = read("restarts", () -> rest.numRestarts(jobId));
        long consumerLag = read("Kafka lag", () -> OptionalLong.of(lag.consumerLag()));
        return new SoakSample(Duration.ofNanos(now - startNanos), rows, rate, consumerLag, stateBytes, checkpointMillis, restarts,
                processes(rest), tableFiles(), stateByOperator);
    }

    /** Vertex id → name; the job graph does not change while it runs, so read once. */
    private Map<String, String> vertexNames(FlinkRestClient rest) throws Exception {
        if (vertexNames == null) {
            Map<String, String> names = new LinkedHashMap<>();
            rest.job(jobId).path("vertices").forEach(vertex -> names.put(vertex.path("id").asText(), vertex.path("name").asText()));
            vertexNames = names;
        }
        return vertexNames;
    }

    private List<SoakSample.ProcessFigures> processes(FlinkRestClient rest) {
        List<SoakSample.ProcessFigures> processes = new ArrayList<>();
        // The stack's JVM: Kafka, the catalog and, without --taskmanagers, Flink itself.
        long stackPid = ProcessHandle.current().pid();
        processes.add(new SoakSample.ProcessFigures("stack",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), rss(stackPid)));
        stack.sessionCluster().ifPresent(cluster -> {
            FlinkProcess jobManager = cluster.jobManager();
            processes.add(new SoakSample.ProcessFigures("jobmanager", read("JobManager heap", () -> rest.jobManagerMetric(HEAP_USED)),
                    rss(jobManager.pid())));
            for (FlinkProcess taskManager : cluster.taskManagers()) {
                processes.add(new SoakSample.ProcessFigures(taskManager.name(),
                        read(taskManager.name() + " heap", () -> rest.taskManagerMetric(taskManager.name(), HEAP_USED)),
                        rss(taskManager.pid())));
            }
        });
        stack.trino().ifPresent(trino -> {
            // The launcher runs Trino's JVM as its only child, or execs into it.
            ProcessHandle jvm = trino.processHandle().descendants().findFirst().orElse(trino.processHandle());
            processes.add(new SoakSample.ProcessFigures("trino", SoakSample.ProcessFigures.NOT_COLLECTED, rss(jvm.pid())));
        });
        return processes;
    }

    private static long rss(long pid) {
        return ProcessMemory.rssBytes(pid).orElse(SoakSample.UNAVAILABLE);
    }

    private List<SoakSample.TableFiles> tableFiles() {
        List<SoakSample.TableFiles> files = new ArrayList<>();
        for (TableIdentifier id : tables) {
            String name = id.toString();
            try {
                Table table = catalog.loadTable(id);
                Snapshot current = table.currentSnapshot();
                long dataFiles = current == null ? 0 : Long.parseLong(current.summary().getOrDefault("total-data-files", "0"));
                long deleteFiles = current == null ? 0 : Long.parseLong(current.summary().getOrDefault("total-delete-files", "0"));
                long snapshots = 0;
                for (Snapshot ignored : table.snapshots()) {
                    snapshots++;
                }
                files.add(new SoakSample.TableFiles(name, dataFiles, deleteFiles, snapshots));
            } catch (RuntimeException e) {
                LOG.warn("Soak: table {} unavailable", name, e);
                files.add(new SoakSample.TableFiles(name, SoakSample.UNAVAILABLE, SoakSample.UNAVAILABLE, SoakSample.UNAVAILABLE));
            }
        }
        return files;
    }

    private interface Reading {
        OptionalLong read() throws Exception;
    }

    private static long read(String what, Reading reading) {
        try {
            return reading.read().orElse(SoakSample.UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SoakSample.UNAVAILABLE;
        } catch (Exception e) {
            LOG.warn("Soak: {} unavailable", what, e);
            return SoakSample.UNAVAILABLE;
        }
    }
}
