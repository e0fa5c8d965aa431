package dev.lakehouse.gold;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import dev.lakehouse.inventory.InventoryTables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;

/**
 * The streams the gold queries read. Each is registered as a view under the name the SQL files use
 * ({@link #views()}).
 */
public record GoldInputs(
        GoldInput customerEvents,
        GoldInput paymentTransactions,
        GoldInput supportTickets,
        GoldInput customerSessions,
        GoldInput inventoryHealth) {

    /**
     * @param firstSeen the de-duplicated bronze rows per source, as {@code BronzePipeline} returns them
     * @param sessions silver.customer_sessions' changelog with retractions, keyed by {@code sessionsSchema}'s
     *     identifier fields
     * @param inventoryHealth silver.inventory_health's changelog with retractions
     */
    public static GoldInputs of(Map<Source, DataStream<RowData>> firstSeen, DataStream<RowData> sessions,
            Schema sessionsSchema, DataStream<RowData> inventoryHealth) {
        return new GoldInputs(
                bronze(firstSeen, Source.CUSTOMER_EVENTS),
                bronze(firstSeen, Source.PAYMENT_TRANSACTIONS),
                bronze(firstSeen, Source.SUPPORT_TICKETS),
                GoldInput.retracting(sessions, sessionsSchema),
                GoldInput.retracting(inventoryHealth, InventoryTables.schema()));
    }

    private static GoldInput bronze(Map<Source, DataStream<RowData>> firstSeen, Source source) {
        return GoldInput.appendOnly(firstSeen.get(source), BronzeTables.schema(source));
    }

    /** View name → input; the names are the ones the SQL files under sql/flink/gold read. */
    public Map<String, GoldInput> views() {
        Map<String, GoldInput> views = new LinkedHashMap<>();
        views.put("customer_events", customerEvents);
        views.put("payment_transactions", paymentTransactions);
        views.put("support_tickets", supportTickets);
        views.put("customer_sessions", customerSessions);
        views.put("inventory_health", inventoryHealth);
        return views;
    }
}
