package dev.lakehouse.gold;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;

/**
 * One input of the gold queries: rows in Iceberg's internal format, in {@code schema}'s column order.
 *
 * @param upsertKey empty for an append-only stream (INSERT rows only); otherwise the key of an upsert changelog
 *     (INSERT, UPDATE_AFTER and DELETE rows, no UPDATE_BEFORE), as the silver upsert tables are written
 */
public record GoldInput(DataStream<RowData> rows, Schema schema, List<String> upsertKey) {
    public GoldInput {
        upsertKey = List.copyOf(upsertKey);
    }

    /** Bronze rows: de-duplicated upstream, so every row is an INSERT of a new primary key. */
    public static GoldInput appendOnly(DataStream<RowData> rows, Schema schema) {
        return new GoldInput(rows, schema, List.of());
    }

    /** A silver upsert changelog keyed by the schema's identifier fields. */
    public static GoldInput upsert(DataStream<RowData> rows, Schema schema) {
        List<String> key = schema.columns().stream()
                .filter(field -> schema.identifierFieldIds().contains(field.fieldId()))
                .map(field -> field.name())
                .toList();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an upsert input needs identifier fields: " + schema);
        }
        return new GoldInput(rows, schema, key);
    }

    public boolean isUpsert() {
        return !upsertKey.isEmpty();
    }
}
