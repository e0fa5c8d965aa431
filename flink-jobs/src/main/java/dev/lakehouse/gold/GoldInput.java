package dev.lakehouse.gold;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;

/**
 * One input of the gold queries: rows in Iceberg's internal format, in {@code schema}'s column order.
 *
 * @param key empty for an append-only stream (INSERT rows only); otherwise the key of a retracting changelog: every
 *     UPDATE_AFTER follows an UPDATE_BEFORE with the values the key's row had until then, and a DELETE carries the
 *     values it removes. The silver operators emit their changes so; the Iceberg upsert sinks skip the UPDATE_BEFORE
 *     rows, and the gold queries need them, or the planner would keep every key's latest row in state to make them
 *     (a ChangelogNormalize per query, never cleared).
 */
public record GoldInput(DataStream<RowData> rows, Schema schema, List<String> key) {
    public GoldInput {
        key = List.copyOf(key);
    }

    /** Bronze rows: de-duplicated upstream, so every row is an INSERT of a new primary key. */
    public static GoldInput appendOnly(DataStream<RowData> rows, Schema schema) {
        return new GoldInput(rows, schema, List.of());
    }

    /** A silver changelog with its retractions, keyed by the schema's identifier fields. */
    public static GoldInput retracting(DataStream<RowData> rows, Schema schema) {
        List<String> key = schema.columns().stream()
                .filter(field -> schema.identifierFieldIds().contains(field.fieldId()))
                .map(field -> field.name())
                .toList();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a changelog input needs identifier fields: " + schema);
        }
        return new GoldInput(rows, schema, key);
    }

    public boolean isChangelog() {
        return !key.isEmpty();
    }
}
