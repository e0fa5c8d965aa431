package dev.lakehouse.stack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

import dev.lakehouse.stack.testing.LoopbackAssertions;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestCatalogServerIT {

    private static final Namespace BRONZE = Namespace.of("bronze");
    private static final TableIdentifier CLICKS = TableIdentifier.of(BRONZE, "clicks");
    private static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "event_id", Types.StringType.get()),
            Types.NestedField.optional(2, "event_time", Types.TimestampType.withZone()));

    @TempDir
    Path tempDir;

    @Test
    void namespacesTablesAndSnapshotsSurviveARestartOnTheSameWarehouse() throws Exception {
        Path warehouse = tempDir.resolve("warehouse");
        String tableLocation;
        try (RestCatalogServer server = timedStart("cold", RestCatalogServer.builder(warehouse).build())) {
            assertThat(server.uri()).startsWith("http://127.0.0.1:");
            assertThat(server.boundHost()).isEqualTo("127.0.0.1");
            LoopbackAssertions.assertLoopbackOnly(server.port());
            assertThat(server.warehouseUri()).startsWith("file:///").doesNotEndWith("/");

            try (RESTCatalog catalog = client(server)) {
                catalog.createNamespace(BRONZE);
                Table table = catalog.createTable(CLICKS, SCHEMA, PartitionSpec.unpartitioned());
                tableLocation = table.location();
                table.newAppend().appendFile(dataFile(table)).commit();
            }
        }
        assertThat(tableLocation).startsWith("file:/").contains(warehouse.toString());
        assertThat(warehouse.resolve("catalog.db")).isRegularFile();

        try (RestCatalogServer server = timedStart("restart", RestCatalogServer.builder(warehouse).build());
             RESTCatalog catalog = client(server)) {
            assertThat(catalog.listNamespaces()).contains(BRONZE);
            assertThat(catalog.listTables(BRONZE)).containsExactly(CLICKS);
            Table table = catalog.loadTable(CLICKS);
            assertThat(table.location()).isEqualTo(tableLocation);
            assertThat(table.schema().asStruct()).isEqualTo(SCHEMA.asStruct());
            assertThat(table.currentSnapshot()).isNotNull();
            assertThat(table.currentSnapshot().summary()).containsEntry("added-records", "3");
        }
    }

    /**
     * Writers commit without pause while the catalog restarts again and again. A commit may fail, but one the catalog
     * applied must not fail with anything but "state unknown": a writer told that its commit failed writes it again.
     */
    @Test
    void aRestartAnswersEveryCommitItApplied() throws Exception {
        try (RestCatalogServer server = RestCatalogServer.builder(tempDir.resolve("warehouse")).build().start()) {
            try (RESTCatalog catalog = client(server)) {
                catalog.createNamespace(BRONZE);
                catalog.createTable(CLICKS, SCHEMA, PartitionSpec.unpartitioned());
            }
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<WriterOutcome>> writers = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            try {
                for (int i = 0; i < WRITERS; i++) {
                    String key = "writer-" + i;
                    writers.add(pool.submit(() -> commitUntil(stop, server, key)));
                }
                Random random = new Random(7);
                for (int restart = 0; restart < RESTARTS; restart++) {
                    Thread.sleep(50 + random.nextInt(150));
                    server.restart();
                }
                stop.set(true);
                int failed = 0;
                for (Future<WriterOutcome> writer : writers) {
                    WriterOutcome outcome = writer.get(2, TimeUnit.MINUTES);
                    assertThat(outcome.appliedButFailed()).as("commits the catalog applied but answered with a failure").isEmpty();
                    assertThat(outcome.succeeded()).as("commits that succeeded").isPositive();
                    failed += outcome.failed();
                }
                System.out.printf("RestCatalogServer %d restarts under %d writers: %d commits failed, none of them applied%n",
                        RESTARTS, WRITERS, failed);
            } finally {
                stop.set(true);
                pool.shutdownNow();
            }
        }
    }

    private static final int WRITERS = 4;
    private static final int RESTARTS = 25;

    private record WriterOutcome(int succeeded, int failed, List<String> appliedButFailed) {}

    private static WriterOutcome commitUntil(AtomicBoolean stop, RestCatalogServer server, String key) throws Exception {
        int succeeded = 0;
        int failed = 0;
        List<String> appliedButFailed = new ArrayList<>();
        try (RESTCatalog catalog = client(server)) {
            for (int attempt = 0; !stop.get(); attempt++) {
                String value = Integer.toString(attempt);
                try {
                    catalog.loadTable(CLICKS).updateProperties().set(key, value).commit();
                    succeeded++;
                } catch (CommitStateUnknownException unknown) {
                    failed++; // the client was told it cannot know: it must look before writing again
                } catch (RuntimeException e) {
                    failed++;
                    if (value.equals(propertyOnceAnswering(catalog, key))) {
                        appliedButFailed.add("attempt " + attempt + ": " + e);
                    }
                }
            }
        }
        return new WriterOutcome(succeeded, failed, appliedButFailed);
    }

    private static String propertyOnceAnswering(RESTCatalog catalog, String key) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return catalog.loadTable(CLICKS).properties().get(key);
            } catch (RuntimeException restarting) {
                if (System.nanoTime() > deadline) {
                    throw restarting;
                }
                Thread.sleep(20);
            }
        }
    }

    /** A metadata-only append: the commit path is what matters here, not Parquet writing. */
    private static DataFile dataFile(Table table) {
        return DataFiles.builder(table.spec())
                .withPath(table.location() + "/data/00000-0-clicks.parquet")
                .withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(1024)
                .withRecordCount(3)
                .build();
    }

    private static RESTCatalog client(RestCatalogServer server) {
        RESTCatalog catalog = new RESTCatalog();
        catalog.initialize("it", Map.of(CatalogProperties.URI, server.uri()));
        return catalog;
    }

    private static RestCatalogServer timedStart(String label, RestCatalogServer server) {
        long started = System.nanoTime();
        server.start();
        System.out.printf("RestCatalogServer %s start: %d ms%n", label,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return server;
    }
}
