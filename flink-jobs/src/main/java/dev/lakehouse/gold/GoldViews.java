package dev.lakehouse.gold;

import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/** Registers the gold inputs as temporary views of the table environment. */
final class GoldViews {
    private GoldViews() {}

    static void register(StreamTableEnvironment tableEnv, GoldInputs inputs) {
        for (Map.Entry<String, GoldInput> view : inputs.views().entrySet()) {
            tableEnv.createTemporaryView(view.getKey(), table(tableEnv, view.getKey(), view.getValue()));
        }
    }

    /**
     * Bronze inputs are insert-only. Silver inputs are upsert changelogs: declaring them so (with their key) makes
     * the planner add one ChangelogNormalize per query that reads them, which keeps the latest row per key and
     * turns an UPDATE_AFTER or DELETE into the retraction of the previous row that the aggregations need.
     */
    private static Table table(StreamTableEnvironment tableEnv, String name, GoldInput input) {
        RowType rowType = FlinkSchemaUtil.convert(input.schema());
        DataType dataType = ExternalRows.dataType(rowType);
        // The input's own parallelism keeps the conversion a forward edge: a rebalance would spread one key's
        // changelog over several subtasks, and a DELETE could overtake the INSERT it deletes.
        DataStream<Row> rows = input.rows()
                .map(new ExternalRows.ToExternal(rowType))
                .setParallelism(input.rows().getParallelism())
                .returns(ExternalTypeInfo.of(dataType))
                .name("Gold view " + name)
                .uid("gold-view-" + name);
        Schema.Builder schema = Schema.newBuilder().fromRowDataType(dataType);
        if (input.isUpsert()) {
            schema.primaryKey(input.upsertKey());
            return tableEnv.fromChangelogStream(rows, schema.build(), ChangelogMode.upsert());
        }
        return tableEnv.fromChangelogStream(rows, schema.build(), ChangelogMode.insertOnly());
    }
}
