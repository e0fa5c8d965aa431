package dev.lakehouse.stack.drain;

import dev.lakehouse.stack.Polling;
import dev.lakehouse.stack.flink.FlinkRestClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Knows when every record in the topics is committed to Iceberg, without guessing with sleeps:
 * <ol>
 *   <li>the job's consumer group has committed offsets up to the end of every partition — Flink commits them
 *       only when a checkpoint that includes those records completes;
 *   <li>every table has an Iceberg commit from this job for that checkpoint or a later one (the sink commits on
 *       every checkpoint, see BronzeTables' table properties).
 * </ol>
 */
public final class DrainWatcher {
    private static final String FLINK_JOB_ID = "flink.job-id";
    private static final String MAX_COMMITTED_CHECKPOINT = "flink.max-committed-checkpoint-id";
    private static final java.util.Set<String> HEALTHY_STATES = java.util.Set.of("RUNNING", "CREATED", "INITIALIZING", "RESTARTING");

    private final Admin admin;
    private final String consumerGroup;
    private final List<String> topics;
    private final FlinkRestClient flink;
    private final String jobId;
    private final Catalog catalog;
    private final List<TableIdentifier> tables;

    public DrainWatcher(Admin admin, String consumerGroup, List<String> topics, FlinkRestClient flink, String jobId,
            Catalog catalog, List<TableIdentifier> tables) {
        this.admin = admin;
        this.consumerGroup = consumerGroup;
        this.topics = List.copyOf(topics);
        this.flink = flink;
        this.jobId = jobId;
        this.catalog = catalog;
        this.tables = List.copyOf(tables);
    }

    /** How often the drain of a benchmark or chaos run, many minutes long, says where it is. */
    public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(30);

    /**
     * Progress of a long drain for a person watching: the latest message at most once per {@code interval}, indented,
     * so a drain of many minutes shows it moves without filling the screen.
     */
    public static Consumer<String> printedEvery(Duration interval, PrintStream out) {
        long[] lastPrinted = {System.nanoTime()};
        return message -> {
            long now = System.nanoTime();
            if (now - lastPrinted[0] >= interval.toNanos()) {
                lastPrinted[0] = now;
                out.println("    " + message);
            }
        };
    }

    /** Waits for the drain and returns the row count of every table, in the given order. */
    public Map<TableIdentifier, Long> awaitDrained(Duration timeout, Consumer<String> progress) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Polling.until(timeout, () -> "the job to consume and checkpoint every record", () -> {
            requireHealthyJob();
            long lag = consumerLag();
            progress.accept("waiting for the job to consume and checkpoint " + lag + " more records");
            return lag == 0;
        });
        OptionalLong consumed = flink.latestCompletedCheckpoint(jobId);
        if (consumed.isEmpty()) {
            throw new IllegalStateException("offsets are committed but Flink reports no completed checkpoint for job " + jobId);
        }
        // The checkpoint that committed the last offsets may have passed the sources before their next periodic
        // watermark: rows that this watermark releases (closed sessions, fired SLA timers) are in the one after.
        long checkpoint = consumed.getAsLong() + 1;
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        // Each table load is a catalog request that carries the table's whole metadata, and every table commits on
        // every checkpoint: the tables are checked in turn, a poll stops at the first one still behind, and a table
        // found committed is not loaded again.
        List<TableIdentifier> behind = new ArrayList<>(tables);
        Polling.until(left, () -> "Iceberg commits of checkpoint " + checkpoint + " on " + behind, () -> {
            requireHealthyJob();
            while (!behind.isEmpty() && committedUpTo(catalog.loadTable(behind.get(0)), checkpoint)) {
                behind.remove(0);
            }
            progress.accept("waiting for Iceberg commits of checkpoint " + checkpoint + " on " + behind);
            return behind.isEmpty();
        });
        Map<TableIdentifier, Long> counts = new LinkedHashMap<>();
        for (TableIdentifier id : tables) {
            counts.put(id, rowCount(catalog.loadTable(id)));
        }
        return counts;
    }

    /**
     * The lag of a job that keeps up: Flink commits offsets once per checkpoint, so up to one interval of rows is
     * uncommitted, plus the rows of the checkpoint in flight.
     */
    public static double keepingUpLagRows(double rowsPerSecond, Duration checkpointInterval) {
        return rowsPerSecond * 2 * checkpointInterval.toMillis() / 1000.0;
    }

    /** Records in the topics that the job's group has not committed yet. */
    public long consumerLag() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(consumerGroup).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    private boolean committedUpTo(Table table, long checkpointId) {
        for (Snapshot snapshot = table.currentSnapshot(); snapshot != null;
                snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId())) {
            Map<String, String> summary = snapshot.summary();
            if (jobId.equals(summary.get(FLINK_JOB_ID)) && summary.containsKey(MAX_COMMITTED_CHECKPOINT)) {
                return Long.parseLong(summary.get(MAX_COMMITTED_CHECKPOINT)) >= checkpointId;
            }
        }
        return false;
    }

    /**
     * Live rows of the table. An append table's snapshot summary has the exact count; an upsert table's counts every
     * version of a row (deletes are separate files), so its rows are counted by reading it.
     */
    public static long rowCount(Table table) {
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return 0;
        }
        if (table.schema().identifierFieldIds().isEmpty()) {
            return Long.parseLong(current.summary().getOrDefault("total-records", "0"));
        }
        long rows = 0;
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).select(table.schema().identifierFieldNames()
                .iterator().next()).build()) {
            for (Record ignored : records) {
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private void requireHealthyJob() throws IOException, InterruptedException {
        String state = flink.jobState(jobId);
        if (!HEALTHY_STATES.contains(state)) {
            throw new IllegalStateException("job " + jobId + " is " + state + " while waiting for the drain\n" + flink.rootException(jobId));
        }
    }
}
