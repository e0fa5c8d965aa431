package dev.lakehouse.gold;

import dev.lakehouse.iceberg.SilverSchemas;
import dev.lakehouse.iceberg.TableSpec;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * The gold tables as continuously updated upserts: the inputs become views, each SQL file under
 * {@code sql/flink/gold} is one query over them, and each query's changelog goes back to a DataStream of
 * internal rows for the Iceberg upsert sink.
 */
public final class GoldPipeline {
    private GoldPipeline() {}

    /** Applies {@link GoldSettings} to {@code tableEnv} and registers the inputs' views under their SQL names. */
    public static GoldStreams build(StreamTableEnvironment tableEnv, GoldInputs inputs) {
        GoldSettings.apply(tableEnv.getConfig());
        GoldViews.register(tableEnv, inputs);
        return new GoldStreams(
                query(tableEnv, GoldTable.CUSTOMER_SUMMARY),
                query(tableEnv, GoldTable.DAILY_METRICS),
                query(tableEnv, GoldTable.PRODUCT_SUMMARY));
    }

    /** The resolved query of one gold table (validated against the registered views, not run). */
    public static Table sqlQuery(StreamTableEnvironment tableEnv, GoldTable table) {
        return tableEnv.sqlQuery(GoldSql.load(table));
    }

    private static GoldStream query(StreamTableEnvironment tableEnv, GoldTable table) {
        Table result = sqlQuery(tableEnv, table);
        TableSpec spec = GoldTables.spec(table, result.getResolvedSchema());
        RowType rowType = FlinkSchemaUtil.convert(spec.schema());
        // Upsert on the key: the planner leaves out UPDATE_BEFORE rows, which the Iceberg sink would ignore.
        Schema upsert = Schema.newBuilder()
                .fromRowDataType(ExternalRows.dataType(rowType))
                .primaryKey(table.keyColumn())
                .build();
        DataStream<Row> changelog = tableEnv.toChangelogStream(result, upsert, ChangelogMode.upsert());
        DataStream<RowData> rows = changelog
                .map(new ExternalRows.ToInternal(rowType))
                .setParallelism(changelog.getParallelism()) // forward: each key's changes stay in order
                .returns(SilverSchemas.rowTypeInfo(spec.schema()))
                .name("Gold " + table.tableName())
                .uid("gold-rows-" + table.tableName());
        return new GoldStream(spec, rows);
    }
}
