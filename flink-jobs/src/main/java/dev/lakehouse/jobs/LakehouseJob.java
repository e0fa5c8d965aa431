package dev.lakehouse.jobs;

import dev.lakehouse.bronze.BronzeJob;
import dev.lakehouse.bronze.BronzeJobConfig;
import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.CatalogSettings;
import dev.lakehouse.iceberg.S3Options;
import dev.lakehouse.iceberg.IcebergSinks;
import dev.lakehouse.gold.GoldInputs;
import dev.lakehouse.gold.GoldPipeline;
import dev.lakehouse.gold.GoldStreams;
import dev.lakehouse.iceberg.IcebergTables;
import dev.lakehouse.sessions.SessionTables;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import dev.lakehouse.maintenance.MaintenanceJob;
import dev.lakehouse.maintenance.MaintenanceSettings;
import dev.lakehouse.sessions.SessionSettings;
import dev.lakehouse.support.SupportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.TimeUtils;
import org.apache.iceberg.flink.CatalogLoader;
import org.rocksdb.CompressionType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The entry class of the job jar: what a user picks in the Flink dashboard. Every setting is a program
 * argument, so the same jar runs on the local stack and on a cluster.
 */
@Command(name = "lakehouse-job", mixinStandardHelpOptions = true,
        description = "Streams the seed topics into the Iceberg lakehouse.")
public final class LakehouseJob implements Callable<Integer> {

    @Option(names = "--job", defaultValue = "lakehouse",
            description = "lakehouse: every layer in one job that reads, parses and de-duplicates the topics once; "
                    + "bronze: the bronze tables only; silver: bronze and silver, no gold; maintenance: compaction, snapshot expiry and file cleanup of "
                    + "every table (default: ${DEFAULT-VALUE}).")
    Job job;

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of the source topic names.")
    String topicPrefix;

    @Option(names = "--group-id", defaultValue = "lakehouse", description = "Kafka consumer group (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--kafka-properties", description = "A properties file of extra Kafka client settings (TLS, SASL).")
    Path kafkaProperties;

    @Option(names = "--catalog-uri", required = true, description = "Iceberg REST catalog URI.")
    String catalogUri;

    @Option(names = "--catalog-property", description = "Extra Iceberg catalog property, key=value (repeatable).")
    Map<String, String> catalogProperties = new HashMap<>();

    @Mixin
    S3Options s3 = new S3Options();

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = DurationConverter.class,
            description = "Checkpoint interval; Iceberg commits once per checkpoint (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--checkpoint-dir", description = "Checkpoint storage URI, e.g. file:///var/lakehouse/checkpoints.")
    String checkpointDir;

    @Option(names = "--dedup-ttl", defaultValue = "7d", converter = DurationConverter.class,
            description = "How long a primary key is remembered to drop repeats; 0 = forever (default: ${DEFAULT-VALUE}).")
    Duration dedupTtl;

    @Option(names = "--max-out-of-orderness", defaultValue = "5s", converter = DurationConverter.class,
            description = "Watermark bound (default: ${DEFAULT-VALUE}).")
    Duration maxOutOfOrderness;

    @Option(names = "--idle-timeout", defaultValue = "30s", converter = DurationConverter.class,
            description = "A partition without records for this long no longer holds the watermark back (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--max-watermark-drift", defaultValue = "1d", converter = DurationConverter.class,
            description = "How far in event time a Kafka partition may read ahead of the slowest one; 0 = no limit. Bounds "
                    + "the rows and timers waiting for the watermark while a backlog is read; rows waiting ≈ drift × event "
                    + "rate of the fastest topic (default: ${DEFAULT-VALUE}).")
    Duration maxWatermarkDrift;

    @Option(names = "--session-gap", defaultValue = "30m", converter = DurationConverter.class,
            description = "Events of one session id at most this far apart form one session (default: ${DEFAULT-VALUE}).")
    Duration sessionGap;

    @Option(names = "--allowed-lateness", defaultValue = "1h", converter = DurationConverter.class,
            description = "A late event this far behind the watermark still corrects its session; later ones go to "
                    + "silver.late_events (default: ${DEFAULT-VALUE}).")
    Duration allowedLateness;

    @Option(names = "--ticket-retention", defaultValue = "7d", converter = DurationConverter.class,
            description = "Event time a support ticket is remembered after its last SLA deadline; a version of it arriving "
                    + "later counts as a new ticket; 0 = forever (default: ${DEFAULT-VALUE}).")
    Duration ticketRetention;

    @Option(names = "--compact-after-commits", defaultValue = "10",
            description = "maintenance: expire the snapshots of every table, and compact a table written with deletes (upserts, "
                    + "changelogs), after this many commits (default: ${DEFAULT-VALUE}).")
    int compactAfterCommits;

    @Option(names = "--compact-append-only-after-commits", defaultValue = "30",
            description = "maintenance: compact an append-only table, which only gathers small files, after this many commits "
                    + "(default: ${DEFAULT-VALUE}).")
    int compactAppendOnlyAfterCommits;

    @Option(names = "--snapshot-max-age", defaultValue = "1h", converter = DurationConverter.class,
            description = "maintenance: expire snapshots older than this; time travel reaches back this far (default: ${DEFAULT-VALUE}).")
    Duration snapshotMaxAge;

    @Option(names = "--maintenance-interval", defaultValue = "1m", converter = DurationConverter.class,
            description = "maintenance: at most one run of each task per table in this time; also how often dangling "
                    + "delete files are looked for (default: ${DEFAULT-VALUE}).")
    Duration maintenanceInterval;

    @Option(names = "--orphan-file-min-age", defaultValue = "1d", converter = DurationConverter.class,
            description = "maintenance: delete unreferenced files older than this (default: ${DEFAULT-VALUE}).")
    Duration orphanFileMinAge;

    @Option(names = "--max-record-bytes", defaultValue = "65536", description = "Larger records are rejected as oversized (default: ${DEFAULT-VALUE}).")
    int maxRecordBytes;

    @Option(names = "--parallelism", defaultValue = "0", description = "Job parallelism; 0 = the cluster default.")
    int parallelism;

    public enum Job {
        bronze(BronzeJob.JOB_NAME),
        silver("lakehouse-silver"),
        lakehouse("lakehouse"),
        maintenance(MaintenanceJob.JOB_NAME);

        private final String jobName;

        Job(String jobName) {
            this.jobName = jobName;
        }

        public String jobName() {
            return jobName;
        }
    }

    public static void main(String[] args) throws Exception {
        CommandLine commandLine = new CommandLine(new LakehouseJob());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            throw e; // let Flink's REST handler report the real cause to the dashboard
        });
        int exit = commandLine.execute(args);
        if (exit != 0) {
            throw new IllegalArgumentException("invalid job arguments (see the usage above): " + String.join(" ", args));
        }
    }

    @Override
    public Integer call() throws Exception {
        BronzeJobConfig config = bronzeConfig();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(checkpointing(config));
        if (config.parallelism() > 0) {
            env.setParallelism(config.parallelism());
        }
        if (job == Job.maintenance) {
            MaintenanceJob.addTo(env, config.catalog().loader(), LakehouseTables.maintained(), maintenanceSettings());
            env.execute(job.jobName());
            return 0;
        }
        addPipeline(env, job, config, new SessionSettings(sessionGap, allowedLateness), new SupportSettings(ticketRetention),
                config.catalog().loader());
        env.execute(job.jobName());
        return 0;
    }

    /**
     * Adds the bronze job, the silver job (bronze and silver) or the lakehouse job (bronze, silver, gold) to
     * {@code env}, creating the tables it writes in {@code catalog}. Every stateful operator has a fixed uid (see the README's "Upgrades" and PipelineUidsTest), so
     * a new version of the jar restores a savepoint of the old one.
     */
    static void addPipeline(StreamExecutionEnvironment env, Job job, BronzeJobConfig config, SessionSettings sessions,
            SupportSettings support, CatalogLoader catalog) throws Exception {
        Map<Source, DataStream<RowData>> firstSeen = BronzeJob.addTo(env, config, catalog);
        if (job == Job.bronze) {
            return;
        }
        IcebergSinks.TableSink sink = IcebergSinks.toCatalog(catalog);
        IcebergTables.ensureAll(catalog, SilverJob.tables());
        SilverJob.SilverStreams silver = SilverJob.build(firstSeen, sessions, support, sink);
        if (job == Job.lakehouse) {
            GoldStreams gold = GoldPipeline.build(StreamTableEnvironment.create(env),
                    GoldInputs.of(firstSeen, silver.customerSessions(), SessionTables.schema(), silver.inventoryHealth()));
            IcebergTables.ensureAll(catalog, gold.tables());
            gold.writeTo(sink);
        }
    }

    MaintenanceSettings maintenanceSettings() {
        MaintenanceSettings defaults = MaintenanceSettings.defaults();
        return new MaintenanceSettings(compactAfterCommits, compactAppendOnlyAfterCommits, defaults.targetFileSizeBytes(),
                snapshotMaxAge, defaults.retainLastSnapshots(), orphanFileMinAge, defaults.orphanScanInterval(),
                maintenanceInterval, maintenanceInterval);
    }

    BronzeJobConfig bronzeConfig() throws IOException {
        return new BronzeJobConfig(bootstrapServers, topicPrefix, groupId, readProperties(kafkaProperties),
                new CatalogSettings(catalogUri, "lakehouse", catalogProperties()), checkpointInterval, checkpointDir,
                dedupTtl, maxOutOfOrderness, idleTimeout, maxWatermarkDrift, maxRecordBytes, parallelism);
    }

    /** Object-storage settings first, so an explicit {@code --catalog-property} still wins. */
    private Map<String, String> catalogProperties() {
        Map<String, String> all = new HashMap<>();
        s3.storageIfGiven(System.getenv()).ifPresent(storage -> all.putAll(storage.icebergProperties()));
        all.putAll(catalogProperties);
        return all;
    }

    /**
     * Exactly-once checkpoints, kept on cancellation so a restart can resume from the latest one. State that grows
     * with keys (first-seen keys, sessions, payment histories, tickets) lives in RocksDB, checkpointed incrementally.
     */
    public static Configuration checkpointing(BronzeJobConfig config) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        // Timers (one or two per session, payment and ticket) live in RocksDB like the state they guard: while the
        // watermark lags the data (a backlog after faults), every open session and waiting payment holds one, and on
        // the heap 1.8 M of them filled a 512 MB TaskManager heap in the full-size chaos run.
        conf.set(RocksDBOptions.TIMER_SERVICE_FACTORY, EmbeddedRocksDBStateBackend.PriorityQueueStateType.ROCKSDB);
        // Profiled over a 950 k-row replay, RocksDB took 47 % of the stack's CPU: mostly Snappy, decompressing blocks
        // that did not fit the block cache and compressing them again in compactions, and reading blocks to look up
        // keys that do not exist (every first-seen check, every new aggregate key). Uncompressed blocks and Bloom
        // filters cut the CPU per row by 40 %; the state on disk is about three times larger.
        conf.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        conf.set(RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL, List.of(CompressionType.NO_COMPRESSION));
        // Chained operators hand records on without copying; no function here keeps or mutates an input record.
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                org.apache.flink.configuration.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (config.checkpointDirectory() != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDirectory());
        }
        return conf;
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Map<String, String> result = new HashMap<>();
        if (file == null) {
            return result;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        properties.stringPropertyNames().forEach(name -> result.put(name, properties.getProperty(name)));
        return result;
    }

    /** Flink's duration syntax: 10s, 500 ms, 7d. */
    public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return TimeUtils.parseDuration(value);
        }
    }
}
