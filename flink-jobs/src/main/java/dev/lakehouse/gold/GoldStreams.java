package dev.lakehouse.gold;

import dev.lakehouse.iceberg.IcebergSinks.TableSink;
import dev.lakehouse.iceberg.TableSpec;
import java.util.List;

/** The changelogs of the three gold tables. */
public record GoldStreams(GoldStream customerSummary, GoldStream dailyMetrics, GoldStream productSummary) {
    public List<GoldStream> all() {
        return List.of(customerSummary, dailyMetrics, productSummary);
    }

    /** The table definitions, for creating the tables before the job starts. */
    public List<TableSpec> tables() {
        return all().stream().map(GoldStream::table).toList();
    }

    public void writeTo(TableSink sink) {
        all().forEach(stream -> sink.write(stream.table(), stream.rows()));
    }
}
