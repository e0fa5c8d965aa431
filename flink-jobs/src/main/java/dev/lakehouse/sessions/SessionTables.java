package dev.lakehouse.sessions;

import dev.lakehouse.iceberg.SilverSchemas;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import dev.lakehouse.late.LateEventTables;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/** {@code silver.customer_sessions}: an upsert table keyed by (customer_id, session_id, session_start). */
public final class SessionTables {
    public static final TableIdentifier CUSTOMER_SESSIONS = TableIdentifier.of(SilverSchemas.NAMESPACE, "customer_sessions");

    private SessionTables() {}

    /** Column order is the order of {@link SessionRows#row}. */
    public static Schema schema() {
        List<NestedField> fields = List.of(
                NestedField.required(1, "customer_id", Types.StringType.get()),
                NestedField.required(2, "session_id", Types.StringType.get()),
                NestedField.required(3, "session_start", Types.TimestampType.withoutZone()),
                NestedField.optional(4, "session_end", Types.TimestampType.withoutZone()),
                NestedField.optional(5, "session_duration_seconds", Types.LongType.get()),
                NestedField.optional(6, "session_length_category", Types.StringType.get()),
                NestedField.optional(7, "total_events", Types.LongType.get()),
                NestedField.optional(8, "unique_event_types", Types.LongType.get()),
                NestedField.optional(9, "page_views", Types.LongType.get()),
                NestedField.optional(10, "product_views", Types.LongType.get()),
                NestedField.optional(11, "cart_adds", Types.LongType.get()),
                NestedField.optional(12, "purchases", Types.LongType.get()),
                NestedField.optional(13, "unique_products_viewed", Types.LongType.get()),
                NestedField.optional(14, "converted", Types.BooleanType.get()),
                NestedField.optional(15, "abandoned_cart", Types.BooleanType.get()),
                NestedField.optional(16, "bounce_session", Types.BooleanType.get()),
                NestedField.optional(17, "device_type", Types.StringType.get()),
                NestedField.optional(18, "referrer_source", Types.StringType.get()));
        return new Schema(fields, Set.of(1, 2, 3));
    }

    public static List<String> equalityColumns() {
        return List.of("customer_id", "session_id", "session_start");
    }

    public static TableSpec spec() {
        // Mostly new sessions, corrected only by late events: the sessionizer sends its retractions, so only a
        // correction writes a delete (see WriteMode.CHANGELOG).
        return SilverSchemas.spec(CUSTOMER_SESSIONS, schema(), WriteMode.CHANGELOG);
    }
}
