package dev.lakehouse.late;

import dev.lakehouse.iceberg.SilverSchemas;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

/**
 * {@code silver.late_events}: every input record that a silver operator could not put where it belongs because
 * the watermark had passed it, so that nothing is dropped silently. Append-only; several sources write to it.
 */
public final class LateEventTables {
    public static final TableIdentifier LATE_EVENTS = TableIdentifier.of(SilverSchemas.NAMESPACE, "late_events");

    private LateEventTables() {}

    public static Schema schema() {
        return new Schema(
                Types.NestedField.required(1, "source", Types.StringType.get(), "source name, e.g. customer_events"),
                Types.NestedField.required(2, "record_key", Types.StringType.get(), "the record's primary key"),
                Types.NestedField.optional(3, "customer_id", Types.StringType.get()),
                Types.NestedField.optional(4, "event_time", Types.TimestampType.withoutZone()),
                Types.NestedField.optional(5, "watermark_at_arrival", Types.TimestampType.withoutZone()),
                Types.NestedField.required(6, "reason", Types.StringType.get(), "why it is late, see LateReason"),
                Types.NestedField.required(7, "detected_at", Types.TimestampType.withZone(), "processing time"));
    }

    public static TableSpec spec() {
        return SilverSchemas.spec(LATE_EVENTS, schema(), WriteMode.APPEND);
    }
}
