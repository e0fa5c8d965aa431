package dev.lakehouse.gold;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import dev.lakehouse.inventory.InventoryTables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.conversion.DataStructureConverter;
import org.apache.flink.table.data.conversion.DataStructureConverters;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.types.Types;

/** Hand-made input rows in the internal format the gold pipeline reads; unnamed optional columns stay NULL. */
final class GoldRows {
    /** silver.customer_sessions as the sessions developer defines it (upsert on the first three columns). */
    static final Schema SESSIONS_SCHEMA = new Schema(List.of(
            Types.NestedField.required(1, "customer_id", Types.StringType.get()),
            Types.NestedField.required(2, "session_id", Types.StringType.get()),
            Types.NestedField.required(3, "session_start", Types.TimestampType.withoutZone()),
            Types.NestedField.optional(4, "session_end", Types.TimestampType.withoutZone()),
            Types.NestedField.optional(5, "session_duration_seconds", Types.LongType.get()),
            Types.NestedField.optional(6, "session_length_category", Types.StringType.get()),
            Types.NestedField.optional(7, "total_events", Types.LongType.get()),
            Types.NestedField.optional(8, "unique_event_types", Types.LongType.get()),
            Types.NestedField.optional(9, "page_views", Types.LongType.get()),
            Types.NestedField.optional(10, "product_views", Types.LongType.get()),
            Types.NestedField.optional(11, "cart_adds", Types.LongType.get()),
            Types.NestedField.optional(12, "purchases", Types.LongType.get()),
            Types.NestedField.optional(13, "unique_products_viewed", Types.LongType.get()),
            Types.NestedField.optional(14, "converted", Types.BooleanType.get()),
            Types.NestedField.optional(15, "abandoned_cart", Types.BooleanType.get()),
            Types.NestedField.optional(16, "bounce_session", Types.BooleanType.get()),
            Types.NestedField.optional(17, "device_type", Types.StringType.get()),
            Types.NestedField.optional(18, "referrer_source", Types.StringType.get())),
            Set.of(1, 2, 3));

    private static long offset;

    private GoldRows() {}

    static RowData event(String eventId, String customerId, String sessionId, String eventType, String at,
            String productId) {
        Map<String, Object> values = new HashMap<>();
        values.put("event_id", eventId);
        values.put("customer_id", customerId);
        values.put("session_id", sessionId);
        values.put("event_type", eventType);
        values.put("event_timestamp", time(at));
        values.put("product_id", productId);
        return bronze(Source.CUSTOMER_EVENTS, values);
    }

    static RowData payment(String transactionId, String customerId, String status, String amount, String at,
            Double riskScore) {
        Map<String, Object> values = new HashMap<>();
        values.put("transaction_id", transactionId);
        values.put("customer_id", customerId);
        values.put("payment_status", status);
        values.put("amount", amount == null ? null : new BigDecimal(amount));
        values.put("transaction_timestamp", time(at));
        values.put("risk_score", riskScore);
        return bronze(Source.PAYMENT_TRANSACTIONS, values);
    }

    static RowData ticket(String ticketId, String customerId, String createdAt, String firstResponseAt,
            String resolvedAt, Integer satisfaction) {
        Map<String, Object> values = new HashMap<>();
        values.put("ticket_id", ticketId);
        values.put("customer_id", customerId);
        values.put("created_timestamp", time(createdAt));
        values.put("first_response_timestamp", time(firstResponseAt));
        values.put("resolution_timestamp", time(resolvedAt));
        values.put("satisfaction_score", satisfaction);
        return bronze(Source.SUPPORT_TICKETS, values);
    }

    static RowData session(RowKind kind, String customerId, String sessionId, String start, String end,
            long totalEvents, boolean converted) {
        LocalDateTime from = time(start);
        LocalDateTime to = time(end);
        Map<String, Object> values = new HashMap<>();
        values.put("customer_id", customerId);
        values.put("session_id", sessionId);
        values.put("session_start", from);
        values.put("session_end", to);
        values.put("session_duration_seconds", java.time.Duration.between(from, to).toSeconds());
        values.put("total_events", totalEvents);
        values.put("converted", converted);
        return internal(SESSIONS_SCHEMA, kind, values);
    }

    static RowData health(RowKind kind, String productId, String warehouseId, int onHand, int available,
            int reorderPoint) {
        Map<String, Object> values = new HashMap<>();
        values.put("snapshot_id", "SNAP" + productId + warehouseId);
        values.put("product_id", productId);
        values.put("warehouse_id", warehouseId);
        values.put("snapshot_date", LocalDate.of(2024, 3, 1));
        values.put("quantity_on_hand", onHand);
        values.put("quantity_reserved", onHand - available);
        values.put("quantity_available", available);
        values.put("reorder_point", reorderPoint);
        values.put("stock_status", "whatever");
        values.put("needs_reorder", available <= reorderPoint);
        values.put("estimated_annual_turns", 0.0);
        values.put("inventory_risk_level", "low");
        return internal(InventoryTables.schema(), kind, values);
    }

    private static RowData bronze(Source source, Map<String, Object> values) {
        values.put("ingested_at", Instant.parse("2024-12-31T00:00:00Z"));
        values.put("source_system", source.sourceName());
        values.put("kafka_topic", source.topic("test."));
        values.put("kafka_partition", 0);
        values.put("kafka_offset", offset++);
        return internal(BronzeTables.schema(source), RowKind.INSERT, values);
    }

    /** A row of {@code schema} from column name → Java value, converted as Flink converts external rows. */
    static RowData internal(Schema schema, RowKind kind, Map<String, Object> values) {
        List<String> columns = schema.columns().stream().map(Types.NestedField::name).toList();
        Row row = Row.withPositions(kind, columns.size());
        for (int i = 0; i < columns.size(); i++) {
            row.setField(i, values.get(columns.get(i)));
        }
        DataStructureConverter<Object, Object> converter = DataStructureConverters.getConverter(
                TypeConversions.fromLogicalToDataType(FlinkSchemaUtil.convert(schema)));
        converter.open(GoldRows.class.getClassLoader());
        return (RowData) converter.toInternal(row);
    }

    private static LocalDateTime time(String at) {
        return at == null ? null : LocalDateTime.parse(at.replace(' ', 'T'));
    }
}
