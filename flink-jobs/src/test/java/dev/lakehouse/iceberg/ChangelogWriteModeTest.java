package dev.lakehouse.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.RowKind;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WriteMode#CHANGELOG} through the real Iceberg sink, on Flink's MiniCluster and a file-system catalog: new keys
 * write no delete file; a retraction of a row committed earlier writes one equality delete; one of a row written in
 * the same commit is a position delete. Each run of the bounded job is one commit.
 */
class ChangelogWriteModeTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Schema SCHEMA = new Schema(List.of(
            Types.NestedField.required(1, "id", Types.StringType.get()),
            Types.NestedField.optional(2, "value", Types.StringType.get())), Set.of(1));

    @TempDir
    Path warehouse;

    private CatalogLoader loader;
    private TableSpec spec;

    @BeforeEach
    void createTable() {
        loader = CatalogLoader.hadoop("lakehouse", new org.apache.hadoop.conf.Configuration(),
                Map.of("warehouse", warehouse.toUri().toString()));
        spec = SilverSchemas.spec(TableIdentifier.of("silver", "changes"), SCHEMA, WriteMode.CHANGELOG);
        IcebergTables.ensure(loader.loadCatalog(), spec);
    }

    @Test
    void onlyRetractionsOfCommittedRowsWriteEqualityDeletes() throws Exception {
        write(row(RowKind.INSERT, "a", "1"), row(RowKind.INSERT, "b", "1"), row(RowKind.INSERT, "c", "1"));
        assertThat(rows()).containsExactlyInAnyOrder("a=1", "b=1", "c=1");
        assertThat(deleteFiles()).as("new keys write no delete").isZero();

        write(row(RowKind.UPDATE_BEFORE, "a", "1"), row(RowKind.UPDATE_AFTER, "a", "2"),
                row(RowKind.DELETE, "b", "1"),
                row(RowKind.INSERT, "d", "1"), row(RowKind.UPDATE_BEFORE, "d", "1"), row(RowKind.UPDATE_AFTER, "d", "2"));
        assertThat(rows()).containsExactlyInAnyOrder("a=2", "c=1", "d=2");
        assertThat(equalityDeleteRecords()).as("a and b were committed before: one equality delete each").isEqualTo(2);
    }

    private void write(RowData... changes) throws Exception {
        // As the job runs (LakehouseJob.checkpointing): object reuse on.
        Configuration flink = new Configuration();
        flink.set(PipelineOptions.OBJECT_REUSE, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(1);
        IcebergSinks.toCatalog(loader).write(spec, env.fromData(SilverSchemas.rowTypeInfo(SCHEMA), changes));
        env.execute("changelog write mode");
    }

    private static RowData row(RowKind kind, String id, String value) {
        return GenericRowData.ofKind(kind, StringData.fromString(id), StringData.fromString(value));
    }

    private Table table() {
        Catalog catalog = loader.loadCatalog();
        return catalog.loadTable(spec.identifier());
    }

    private List<String> rows() throws IOException {
        List<String> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table()).build()) {
            records.forEach(r -> rows.add(r.getField("id") + "=" + r.getField("value")));
        }
        return rows;
    }

    private long deleteFiles() {
        Snapshot current = table().currentSnapshot();
        return Long.parseLong(current.summary().getOrDefault("total-delete-files", "0"));
    }

    private long equalityDeleteRecords() {
        Snapshot current = table().currentSnapshot();
        return Long.parseLong(current.summary().getOrDefault("total-equality-deletes", "0"));
    }
}
