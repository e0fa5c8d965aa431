package dev.lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.IcebergTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bronze Iceberg sinks on Flink's MiniCluster and a file-system catalog, over bounded input: a table that gained a
 * column in an earlier run still takes rows with the contract's columns (NULL there), and a row with a new extra column
 * adds that column and its value.
 */
class BronzeIcebergSinkTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String PREFIX = "t.";
    private static final String HEADER = String.join(",", Source.CUSTOMER_EVENTS.header());
    private static final String EVENT = "EVT000000001,CUST000042,SESS00000007,page_view,2024-03-05 14:07:09,/,,,google,mobile,ua,1.2.3.4";

    @TempDir
    Path warehouse;

    @Test
    void contractRowsFitAnEvolvedTableAndANewColumnIsAddedWithItsValues() throws Exception {
        CatalogLoader loader = CatalogLoader.hadoop("lakehouse", new org.apache.hadoop.conf.Configuration(), Map.of("warehouse", warehouse.toUri().toString()));
        Catalog catalog = loader.loadCatalog();
        for (Source source : Source.values()) {
            IcebergTables.ensure(catalog, BronzeTables.identifier(source), BronzeTables.schema(source), BronzeTables.tableProperties());
        }
        IcebergTables.ensure(catalog, BronzeTables.rejectedRecords(), BronzeTables.rejectedRecordsSchema(), BronzeTables.tableProperties());
        Table events = catalog.loadTable(BronzeTables.identifier(Source.CUSTOMER_EVENTS));
        events.updateSchema().addColumn("coupon_code", Types.StringType.get()).commit(); // an earlier run's evolution

        KafkaRecord plain = record(0, EVENT);
        KafkaRecord coupon = record(1, EVENT.replace("EVT000000001", "EVT000000002") + ",SAVE10");
        coupon.columns = HEADER + ",coupon_code";
        KafkaRecord campaign = record(2, EVENT.replace("EVT000000001", "EVT000000003") + ",spring");
        campaign.columns = HEADER + ",campaign";

        // As the job runs (LakehouseJob.checkpointing): object reuse on. With one subtask, too, the FlinkSink's writer
        // hands its WriteResult to the chained committer as is; copied or sent between subtasks it goes through Kryo,
        // which fails on Iceberg's SerializableByteBufferMap (NPE in MapSerializer) — not a schema-evolution matter.
        Configuration flink = new Configuration();
        flink.set(PipelineOptions.OBJECT_REUSE, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(1);
        BronzeIcebergSink sink = new BronzeIcebergSink(loader);
        BronzePipeline.build(env.fromData(List.of(plain, coupon, campaign)), PREFIX, 64 * 1024, Duration.ofHours(1), sink);
        sink.finish();
        env.execute("bronze sink test");

        events.refresh();
        List<String> columns = events.schema().columns().stream().map(Types.NestedField::name).toList();
        // The bronze columns stay first, in order; the dynamic sink may order the added ones as the latest row had them.
        assertThat(columns.subList(0, BronzeTables.schema(Source.CUSTOMER_EVENTS).columns().size()))
                .isEqualTo(BronzeTables.schema(Source.CUSTOMER_EVENTS).columns().stream().map(Types.NestedField::name).toList());
        assertThat(columns.subList(BronzeTables.schema(Source.CUSTOMER_EVENTS).columns().size(), columns.size()))
                .containsExactlyInAnyOrder("coupon_code", "campaign");
        assertThat(events.schema().findField("campaign").isOptional()).isTrue();
        Map<String, String> rows = new HashMap<>();
        for (Record row : read(events)) {
            rows.put((String) row.getField("event_id"), row.getField("coupon_code") + "|" + row.getField("campaign"));
        }
        assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EVT000000001", "null|null",
                "EVT000000002", "SAVE10|null",
                "EVT000000003", "null|spring"));
        if (catalog instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static List<Record> read(Table table) throws IOException {
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            List<Record> rows = new java.util.ArrayList<>();
            records.forEach(rows::add);
            return rows;
        }
    }

    private static KafkaRecord record(long offset, String value) {
        return new KafkaRecord(PREFIX + "customer_events", 0, offset, 0L, value.getBytes(StandardCharsets.UTF_8));
    }
}
