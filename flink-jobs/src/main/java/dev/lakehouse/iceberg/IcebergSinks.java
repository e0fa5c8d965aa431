package dev.lakehouse.iceberg;

import java.util.ArrayList;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Writes a changelog of rows to an Iceberg table with one commit per checkpoint: appended as is, or upserted on the
 * schema's identifier fields (INSERT and UPDATE_AFTER replace the row with that key, DELETE removes it).
 */
public final class IcebergSinks {
    private IcebergSinks() {}

    /** A sink for the tables of one job. */
    @FunctionalInterface
    public interface TableSink {
        void write(TableSpec table, DataStream<RowData> rows);
    }

    /** Sinks to the tables of {@code catalog}; operator uids derive from the table name, so they stay stable. */
    public static TableSink toCatalog(CatalogLoader catalog) {
        return (table, rows) -> {
            String uidPrefix = table.identifier().namespace() + "-sink-" + table.identifier().name();
            DataStream<RowData> changes =
                    table.writeMode() == WriteMode.UPSERT ? latestChangePerCheckpoint(table, rows, uidPrefix) : rows;
            FlinkSink.Builder sink = FlinkSink.forRowData(changes)
                    .tableLoader(TableLoader.fromCatalog(catalog, table.identifier()))
                    .uidPrefix(uidPrefix);
            if (table.writeMode() != WriteMode.APPEND) {
                // Rows of one key reach one writer (FlinkSink keys by the equality fields), in order.
                sink.equalityFieldColumns(new ArrayList<>(table.schema().identifierFieldNames()));
            }
            // Explicit, so a table an earlier version created in upsert mode (the property is the table's) is written
            // as its spec now says.
            sink.upsert(table.writeMode() == WriteMode.UPSERT);
            sink.append();
        };
    }

    /** Chained to the producer of {@code rows}: see {@link UpsertCoalescer} for why only the last change per key is written. */
    private static DataStream<RowData> latestChangePerCheckpoint(TableSpec table, DataStream<RowData> rows, String uidPrefix) {
        RowType rowType = FlinkSchemaUtil.convert(table.schema());
        int[] keyPositions = table.schema().identifierFieldNames().stream()
                .mapToInt(name -> rowType.getFieldIndex(name))
                .toArray();
        return rows.transform("Last change per key of " + table.identifier(), SilverSchemas.rowTypeInfo(table.schema()),
                        new UpsertCoalescer(rowType, keyPositions))
                .setParallelism(rows.getParallelism())
                .uid(uidPrefix + "-coalescer");
    }
}
