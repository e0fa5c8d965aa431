package dev.lakehouse.bronze;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.catalog.TableIdentifier;

/** Where the bronze pipeline writes each table: Iceberg in production, anything a test likes otherwise. */
@FunctionalInterface
public interface BronzeSink {
    void write(TableIdentifier table, DataStream<RowData> rows);
}
