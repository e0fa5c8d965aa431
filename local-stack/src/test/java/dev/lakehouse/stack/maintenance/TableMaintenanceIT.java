package dev.lakehouse.stack.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.replay.ReplayOptions;
import dev.lakehouse.replay.ReplayProducer;
import dev.lakehouse.replay.ReplaySpeed;
import dev.lakehouse.replay.ReplaySummary;
import dev.lakehouse.stack.LocalStack;
import dev.lakehouse.stack.Polling;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.testing.IcebergRows;
import dev.lakehouse.stack.testing.KafkaTestBroker;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.Test;

/**
 * After many small commits (one per two-second checkpoint, upserts adding delete files every time), the maintenance
 * job compacts the tables, removes delete files that no longer apply (all of them, once writes stop) and expires
 * snapshots: data files, delete files and snapshots drop, and the content does not change.
 */
class TableMaintenanceIT {
    private static final Path JOB_JAR = Path.of(System.getProperty("lakehouse.job.jar"));
    /** Upserted on every newer snapshot, as it arrives: many commits, each with delete files. */
    private static final TableIdentifier UPSERTED = TableIdentifier.of("silver", "inventory_health");
    private static final TableIdentifier EVENTS = TableIdentifier.of("bronze", "customer_events");
    /** The sample spans 2024: about 20 s of replay, so about 10 commits per table while it runs. */
    private static final ReplaySpeed SPEED = ReplaySpeed.times(366 * 86_400 / 20.0);

    @Test
    void maintenanceShrinksFileCountsAndKeepsTheContent() throws Exception {
        Path warehouse = Files.createTempDirectory("lakehouse-maintenance-it");
        try (KafkaTestBroker kafka = KafkaTestBroker.start();
                LocalStack stack = LocalStack.start(StackSettings.ephemeral(warehouse, Duration.ofSeconds(2))
                        .withExternalKafka(kafka.bootstrapServers()));
                RESTCatalog catalog = stack.openCatalog()) {
            LocalStack.RunningJob job = stack.submitJob(JOB_JAR);
            ReplaySummary replay = ReplayProducer.run(ReplayOptions.builder(SeedFolders.sample())
                    .bootstrapServers(stack.bootstrapServers()).speed(SPEED).build());
            stack.advanceEventTime(replay.lastEventTime().orElseThrow().plus(LocalStack.CLOSE_HISTORY_AFTER));
            stack.awaitDrained(job.jobId(), Duration.ofMinutes(3), status -> {});

            Map<TableIdentifier, FileCounts> before = Map.of(UPSERTED, files(catalog.loadTable(UPSERTED)), EVENTS,
                    files(catalog.loadTable(EVENTS)));
            List<Map<String, Object>> sessionsBefore = sorted(IcebergRows.readAsMaps(catalog, UPSERTED));
            List<Map<String, Object>> eventsBefore = sorted(IcebergRows.readAsMaps(catalog, EVENTS));
            assertThat(before.get(UPSERTED).data()).as("many small data files").isGreaterThan(5);
            assertThat(before.get(UPSERTED).deletes()).as("upserts wrote delete files").isGreaterThan(5);

            stack.submitMaintenance(job.jarId(), List.of("--compact-after-commits", "2", "--compact-append-only-after-commits", "2",
                    "--maintenance-interval", "2s",
                    "--snapshot-max-age", "1s"));

            Polling.until(Duration.ofMinutes(3), () -> "maintenance to compact " + before + ", now "
                    + Map.of(UPSERTED, files(catalog.loadTable(UPSERTED)), EVENTS, files(catalog.loadTable(EVENTS))), () -> {
                FileCounts sessions = files(catalog.loadTable(UPSERTED));
                FileCounts events = files(catalog.loadTable(EVENTS));
                return sessions.data() <= 2 && sessions.deletes() == 0 && events.data() <= 2
                        && sessions.snapshots() < before.get(UPSERTED).snapshots();
            });

            assertThat(sorted(IcebergRows.readAsMaps(catalog, UPSERTED))).isEqualTo(sessionsBefore);
            assertThat(sorted(IcebergRows.readAsMaps(catalog, EVENTS))).isEqualTo(eventsBefore);
        } finally {
            TempDirs.deleteRecursively(warehouse);
        }
    }

    /** Live data and delete files of the current snapshot, and the snapshots kept. */
    private record FileCounts(long data, long deletes, int snapshots) {}

    private static FileCounts files(Table table) {
        table.refresh();
        Snapshot current = table.currentSnapshot();
        Set<Long> snapshots = new HashSet<>();
        table.snapshots().forEach(snapshot -> snapshots.add(snapshot.snapshotId()));
        return new FileCounts(Long.parseLong(current.summary().getOrDefault("total-data-files", "0")),
                Long.parseLong(current.summary().getOrDefault("total-delete-files", "0")), snapshots.size());
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }
}
