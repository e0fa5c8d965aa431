package dev.lakehouse.iceberg;

import java.util.ArrayList;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.flink.CatalogLoader;
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
            FlinkSink.Builder sink = FlinkSink.forRowData(rows)
                    .tableLoader(TableLoader.fromCatalog(catalog, table.identifier()))
                    .uidPrefix(table.identifier().namespace() + "-sink-" + table.identifier().name());
            if (table.upsert()) {
                // Rows of one key reach one writer (FlinkSink keys by the equality fields), in order.
                sink.equalityFieldColumns(new ArrayList<>(table.schema().identifierFieldNames())).upsert(true);
            }
            sink.append();
        };
    }
}
