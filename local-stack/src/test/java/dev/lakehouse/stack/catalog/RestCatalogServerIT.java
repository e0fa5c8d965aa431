package dev.lakehouse.stack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
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
