package dev.lakehouse.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import dev.lakehouse.late.LateEventTables;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class SessionTablesTest {
    @Test
    void sessionsAreAChangelogTableOnCustomerSessionAndStart() {
        TableSpec spec = SessionTables.spec();

        assertThat(spec.identifier().toString()).isEqualTo("silver.customer_sessions");
        assertThat(spec.writeMode()).isEqualTo(WriteMode.CHANGELOG);
        assertThat(spec.schema().identifierFieldNames())
                .containsExactlyInAnyOrderElementsOf(SessionTables.equalityColumns());
        assertThat(spec.properties()).doesNotContainKey(TableProperties.UPSERT_ENABLED);
        assertThat(spec.schema().columns()).extracting(Types.NestedField::name).containsExactly(
                "customer_id", "session_id", "session_start", "session_end", "session_duration_seconds",
                "session_length_category", "total_events", "unique_event_types", "page_views", "product_views",
                "cart_adds", "purchases", "unique_products_viewed", "converted", "abandoned_cart", "bounce_session",
                "device_type", "referrer_source");
    }

    @Test
    void lateEventsAreAnAppendTable() {
        TableSpec spec = LateEventTables.spec();

        assertThat(spec.identifier().toString()).isEqualTo("silver.late_events");
        assertThat(spec.writeMode()).isEqualTo(WriteMode.APPEND);
        assertThat(spec.schema().identifierFieldIds()).isEmpty();
        assertThat(spec.properties()).doesNotContainKey(TableProperties.UPSERT_ENABLED);
        assertThat(spec.schema().findType("detected_at")).isEqualTo(Types.TimestampType.withZone());
    }
}
