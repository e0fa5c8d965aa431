package dev.lakehouse.contract;

import static dev.lakehouse.contract.Column.optional;
import static dev.lakehouse.contract.Column.required;
import static dev.lakehouse.contract.ColumnType.DATE;
import static dev.lakehouse.contract.ColumnType.DECIMAL;
import static dev.lakehouse.contract.ColumnType.DOUBLE;
import static dev.lakehouse.contract.ColumnType.INT;
import static dev.lakehouse.contract.ColumnType.STRING;
import static dev.lakehouse.contract.ColumnType.TIMESTAMP;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The four seed sources of {@code data-contract.md}: file, topic, Kafka key, primary key, event time
 * and the exact column list of each. Everything else (parsing, Iceberg schemas, the generator) is
 * derived from here.
 */
public enum Source {
    CUSTOMER_EVENTS("customer_events", "event_id", "customer_id", "event_timestamp", List.of(
            required("event_id", STRING),
            required("customer_id", STRING),
            required("session_id", STRING),
            optional("event_type", STRING),
            required("event_timestamp", TIMESTAMP),
            optional("page_url", STRING),
            optional("product_id", STRING),
            optional("category_id", STRING),
            optional("referrer_source", STRING),
            optional("device_type", STRING),
            optional("user_agent", STRING),
            optional("ip_address", STRING))),

    PAYMENT_TRANSACTIONS("payment_transactions", "transaction_id", "customer_id", "transaction_timestamp", List.of(
            required("transaction_id", STRING),
            optional("order_id", STRING),
            required("customer_id", STRING),
            optional("payment_method", STRING),
            optional("payment_status", STRING),
            optional("amount", DECIMAL),
            optional("currency", STRING),
            required("transaction_timestamp", TIMESTAMP),
            optional("processor_response_code", STRING),
            optional("gateway_fee", DECIMAL),
            optional("merchant_id", STRING),
            optional("billing_country", STRING),
            optional("risk_score", DOUBLE))),

    INVENTORY_SNAPSHOTS("inventory_snapshots", "snapshot_id", "product_id", "snapshot_date", List.of(
            required("snapshot_id", STRING),
            required("product_id", STRING),
            optional("warehouse_id", STRING),
            required("snapshot_date", DATE),
            optional("quantity_on_hand", INT),
            optional("quantity_reserved", INT),
            optional("quantity_available", INT),
            optional("reorder_point", INT),
            optional("reorder_quantity", INT),
            optional("supplier_id", STRING),
            optional("last_received_date", DATE),
            optional("unit_cost", DECIMAL))),

    SUPPORT_TICKETS("support_tickets", "ticket_id", "customer_id", "created_timestamp", List.of(
            required("ticket_id", STRING),
            required("customer_id", STRING),
            optional("order_id", STRING),
            optional("ticket_type", STRING),
            optional("priority", STRING),
            optional("status", STRING),
            required("created_timestamp", TIMESTAMP),
            optional("first_response_timestamp", TIMESTAMP),
            optional("resolution_timestamp", TIMESTAMP),
            optional("agent_id", STRING),
            optional("satisfaction_score", INT),
            optional("subject", STRING),
            optional("channel", STRING)));

    private final String sourceName;
    private final List<Column> columns;
    private final int primaryKeyIndex;
    private final int kafkaKeyIndex;
    private final int eventTimeIndex;

    Source(String sourceName, String primaryKey, String kafkaKey, String eventTime, List<Column> columns) {
        this.sourceName = sourceName;
        this.columns = columns;
        this.primaryKeyIndex = indexOf(columns, primaryKey);
        this.kafkaKeyIndex = indexOf(columns, kafkaKey);
        this.eventTimeIndex = indexOf(columns, eventTime);
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    /** The source name: the CSV file's base name, the topic name without prefix, the bronze table name. */
    public String sourceName() {
        return sourceName;
    }

    public String fileName() {
        return sourceName + ".csv";
    }

    public String topic(String prefix) {
        return prefix + sourceName;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    public int primaryKeyIndex() {
        return primaryKeyIndex;
    }

    /** The column whose value is the Kafka record key (customer_id or product_id). */
    public int kafkaKeyIndex() {
        return kafkaKeyIndex;
    }

    public int eventTimeIndex() {
        return eventTimeIndex;
    }

    /** The position of a column of this source; throws when the contract has no such column. */
    public int columnIndex(String name) {
        return indexOf(columns, name);
    }

    public Column primaryKey() {
        return columns.get(primaryKeyIndex);
    }

    public static Optional<Source> byName(String sourceName) {
        return Arrays.stream(values()).filter(s -> s.sourceName.equals(sourceName)).findFirst();
    }

    /** The source whose topic, with the given prefix, is {@code topic}. */
    public static Optional<Source> byTopic(String prefix, String topic) {
        return topic.startsWith(prefix) ? byName(topic.substring(prefix.length())) : Optional.empty();
    }
}
