package dev.lakehouse.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintenance job's graph, built without running it. */
class MaintenanceJobTest {
    @TempDir
    Path warehouse;

    /** Hundreds of maintenance tasks each wake a flusher thread; at Flink's 100 ms that was 5 % of a soak's CPU. */
    @Test
    void everyOperatorFlushesItsBuffersOncePerSecond() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CatalogLoader catalog = CatalogLoader.hadoop("lakehouse", new Configuration(), Map.of("warehouse", warehouse.toUri().toString()));
        TableIdentifier events = TableIdentifier.of("bronze", "customer_events");
        TableIdentifier summary = TableIdentifier.of("gold", "customer_summary");
        Schema schema = new Schema(Types.NestedField.required(1, "id", Types.StringType.get()));
        catalog.loadCatalog().createTable(events, schema);
        catalog.loadCatalog().createTable(summary, schema);

        MaintenanceJob.addTo(env, catalog, List.of(MaintainedTable.appendOnly(events), MaintainedTable.withDeletes(summary)),
                MaintenanceSettings.defaults());

        StreamGraph graph = env.getStreamGraph();
        assertThat(graph.getStreamNodes()).hasSizeGreaterThan(10)
                .extracting(StreamNode::getBufferTimeout)
                .containsOnly(MaintenanceJob.BUFFER_TIMEOUT.toMillis());
    }
}
