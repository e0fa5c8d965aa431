package dev.lakehouse.oracle;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bronze tables as the seeds define them: every kept row (valid, first of its primary key) with its contract
 * columns, typed by {@link SeedData}'s own parsing. Lineage columns ({@code ingested_at}, Kafka coordinates) differ
 * from run to run and are not part of a row here; {@link RowComparison} compares only the columns given.
 */
public final class BronzeOracle {
    public static final List<String> CUSTOMER_EVENTS_KEY = List.of("event_id");
    public static final List<String> PAYMENT_TRANSACTIONS_KEY = List.of("transaction_id");
    public static final List<String> INVENTORY_SNAPSHOTS_KEY = List.of("snapshot_id");
    public static final List<String> SUPPORT_TICKETS_KEY = List.of("ticket_id");

    private final SeedData data;

    public BronzeOracle(SeedData data) {
        this.data = data;
    }

    public List<Map<String, Object>> customerEvents() {
        return rows(data.customerEvents(), SeedData.CUSTOMER_EVENT_COLUMNS);
    }

    public List<Map<String, Object>> paymentTransactions() {
        return rows(data.paymentTransactions(), SeedData.PAYMENT_TRANSACTION_COLUMNS);
    }

    public List<Map<String, Object>> inventorySnapshots() {
        return rows(data.inventorySnapshots(), SeedData.INVENTORY_SNAPSHOT_COLUMNS);
    }

    public List<Map<String, Object>> supportTickets() {
        return rows(data.supportTickets(), SeedData.SUPPORT_TICKET_COLUMNS);
    }

    /** SeedData's row records declare their components in the contract's column order. */
    private static List<Map<String, Object>> rows(List<? extends Record> records, List<String> columns) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (Record record : records) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            if (components.length != columns.size()) {
                throw new IllegalStateException(record.getClass().getSimpleName() + " has " + components.length
                        + " components for " + columns.size() + " columns");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < components.length; i++) {
                if (!camelCase(columns.get(i)).equals(components[i].getName())) {
                    throw new IllegalStateException(columns.get(i) + " does not match " + components[i].getName());
                }
                try {
                    row.put(columns.get(i), components[i].getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
