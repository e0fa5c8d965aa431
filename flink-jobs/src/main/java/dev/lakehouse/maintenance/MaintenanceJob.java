package dev.lakehouse.maintenance;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.maintenance.api.DeleteOrphanFiles;
import org.apache.iceberg.flink.maintenance.api.ExpireSnapshots;
import org.apache.iceberg.flink.maintenance.api.RewriteDataFiles;
import org.apache.iceberg.flink.maintenance.api.TableMaintenance;

/**
 * Table maintenance as its own Flink job beside the pipeline, so it never delays the pipeline's checkpoints: for each
 * table, Iceberg's Flink maintenance (compaction that applies deletes, snapshot expiry, orphan-file removal), plus
 * the removal of delete files that compaction left dangling.
 */
public final class MaintenanceJob {
    public static final String JOB_NAME = "lakehouse-maintenance";

    private MaintenanceJob() {}

    /**
     * How long an operator of the maintenance job may hold a partly filled network buffer. Flink's 100 ms costs
     * nothing to a handful of tasks, but Iceberg's maintenance graph is some 30 tasks per table, each with a flusher
     * thread waking ten times a second: with 16 tables that was 5 % of all CPU in a soak, spent sleeping and waking.
     * The records here are a few triggers and file lists a minute, so a second's delay per hop costs nothing.
     */
    static final Duration BUFFER_TIMEOUT = Duration.ofSeconds(1);

    public static void addTo(StreamExecutionEnvironment env, CatalogLoader catalog, List<MaintainedTable> tables,
            MaintenanceSettings settings) throws IOException {
        env.setBufferTimeout(BUFFER_TIMEOUT.toMillis());
        for (MaintainedTable maintained : tables) {
            TableIdentifier table = maintained.identifier();
            TableMaintenance.forTable(env, TableLoader.fromCatalog(catalog, table))
                    .uidSuffix("maintenance-" + table)
                    .rateLimit(settings.minInterval())
                    .add(RewriteDataFiles.builder()
                            .scheduleOnCommitCount(settings.compactAfterCommits(maintained))
                            .targetFileSizeBytes(settings.targetFileSizeBytes())
                            // a data file with any delete is rewritten, so its deletes stop costing reads
                            .deleteFileThreshold(1))
                    .add(ExpireSnapshots.builder()
                            .scheduleOnCommitCount(settings.compactAfterCommits())
                            .maxSnapshotAge(settings.snapshotMaxAge())
                            .retainLast(settings.retainLastSnapshots())
                            .cleanExpiredMetadata(true))
                    .add(DeleteOrphanFiles.builder()
                            .scheduleOnInterval(settings.orphanScanInterval())
                            .minAge(settings.orphanFileMinAge()))
                    .append();
        }
        // An endless source: a bounded one finishes at once, and a finished task fires no timers, so removal never ran.
        List<String> names = tables.stream().map(maintained -> maintained.identifier().toString()).toList();
        double roundsPerSecond = names.size() * 1000.0 / settings.danglingDeleteInterval().toMillis();
        DataGeneratorSource<String> rounds = new DataGeneratorSource<>(index -> names.get((int) (index % names.size())),
                Long.MAX_VALUE, RateLimiterStrategy.perSecond(roundsPerSecond), Types.STRING);
        env.fromSource(rounds, WatermarkStrategy.noWatermarks(), "Dangling delete rounds")
                .uid("maintenance-dangling-rounds").setParallelism(1)
                .keyBy(name -> name, Types.STRING)
                .process(new DanglingDeleteRemover(catalog), Types.STRING)
                .uid("maintenance-dangling-deletes").name("Remove dangling delete files")
                .sinkTo(new DiscardingSink<>()).name("Maintenance log");
    }
}
