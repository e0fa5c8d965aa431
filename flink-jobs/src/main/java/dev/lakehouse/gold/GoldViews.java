package dev.lakehouse.gold;

import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.utils.ProjectedRowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
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
     * Bronze inputs are insert-only. Silver inputs are changelogs with their retractions ({@link GoldInput}),
     * declared as such with their key: the aggregations take the UPDATE_BEFORE and DELETE rows as they come. Declared
     * as upsert changelogs instead, each query reading them got a ChangelogNormalize, which kept every key's latest
     * row in state without end (every session ever seen, twice) to make those retractions itself.
     *
     * <p>The rows reach the planner as they are: typed as internal rows ({@link InternalTypeInfo}), the planner's
     * input conversion passes them through. Converting them to external {@link Row}s and back, as the
     * {@code DataStream<Row>} of {@code fromChangelogStream} suggests, took about 5 % of the job's CPU in a profile.
     */
    private static Table table(StreamTableEnvironment tableEnv, String name, GoldInput input) {
        RowType rowType = FlinkSchemaUtil.convert(input.schema());
        DataStream<RowData> rows = input.rows()
                .map(new SchemaColumns(rowType.getFieldCount()))
                // Forward at the input's parallelism: a rebalance would spread one key's changelog over several
                // subtasks, and a DELETE could overtake the INSERT it deletes.
                .setParallelism(input.rows().getParallelism())
                .returns(InternalTypeInfo.of(rowType))
                .name("Gold view " + name)
                .uid("gold-view-" + name);
        if (input.isChangelog()) {
            Schema keyOnly = Schema.newBuilder().primaryKey(input.key()).build();
            return tableEnv.fromChangelogStream(asChangelog(rows), keyOnly, ChangelogMode.all());
        }
        return tableEnv.fromDataStream(rows);
    }

    /**
     * {@code fromChangelogStream} is declared for {@code DataStream<Row>} only, but takes the stream's type
     * information as its physical type: with {@link InternalTypeInfo} the rows stay internal, row kind included.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DataStream<Row> asChangelog(DataStream<RowData> rows) {
        return (DataStream) rows;
    }

    /**
     * The view's columns are the table schema's; a bronze stream row has one more field after them (the extra
     * columns of schema evolution), which the view leaves out. The operator also keeps the job graph's shape of
     * earlier versions, and with it the ids Flink derives for the uid-less SQL operators downstream, so their state
     * restores from savepoints of those versions.
     */
    private static final class SchemaColumns implements MapFunction<RowData, RowData> {
        private final int[] columns;

        SchemaColumns(int columnCount) {
            this.columns = IntStream.range(0, columnCount).toArray();
        }

        @Override
        public RowData map(RowData row) {
            // A view on the row, not a copy; a new one per row, since the planner may keep the rows it is given.
            return row.getArity() == columns.length ? row : ProjectedRowData.from(columns).replaceRow(row);
        }
    }
}
