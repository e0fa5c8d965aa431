package dev.lakehouse.badinput;

import dev.lakehouse.contract.Source;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A valid row of each source, the base every bad record is made from, so that a record is bad in exactly one way.
 * Ids carry "BAD" and the seed, so an injected row that is kept (parseable, see {@link BadRecordKind}) is recognisable
 * in bronze and never collides with a seed row.
 */
final class GoodRows {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private GoodRows() {}

    static String primaryKey(Source source, long seed, long index) {
        String prefix = switch (source) {
            case CUSTOMER_EVENTS -> "EVT";
            case PAYMENT_TRANSACTIONS -> "TXN";
            case INVENTORY_SNAPSHOTS -> "SNAP";
            case SUPPORT_TICKETS -> "TKT";
        };
        return prefix + "-BAD-" + seed + "-" + index;
    }

    /** The fields of a valid row in the source's column order; a mutable list to break. */
    static List<String> fields(Source source, String primaryKey, LocalDateTime eventTime) {
        String time = TIMESTAMP.format(eventTime);
        List<String> fields = switch (source) {
            case CUSTOMER_EVENTS -> List.of(primaryKey, "CUST100000", "SESS99999999", "page_view", time, "/home", "", "",
                    "google", "desktop", "Mozilla/5.0 (X11; Linux x86_64)", "10.0.0.1");
            case PAYMENT_TRANSACTIONS -> List.of(primaryKey, "ORD999999999", "CUST100000", "credit_card", "completed",
                    "120.00", "USD", time, "00", "3.60", "MERCH0001", "US", "12.5");
            case INVENTORY_SNAPSHOTS -> List.of(primaryKey, "PROD10000", "WH001", DATE.format(eventTime), "120", "20", "100",
                    "50", "300", "SUP0001", DATE.format(eventTime.minusDays(7)), "19.99");
            case SUPPORT_TICKETS -> List.of(primaryKey, "CUST100000", "", "shipping_delay", "high", "resolved", time,
                    TIMESTAMP.format(eventTime.plusMinutes(30)), TIMESTAMP.format(eventTime.plusDays(1)), "AGT001", "5",
                    "Where is my order?", "email");
        };
        return new ArrayList<>(fields);
    }

    /** A string column with no domain to break, for padding and for invalid bytes. */
    static int freeTextColumn(Source source) {
        return source.columnIndex(switch (source) {
            case CUSTOMER_EVENTS -> "user_agent";
            case PAYMENT_TRANSACTIONS -> "merchant_id";
            case INVENTORY_SNAPSHOTS -> "supplier_id";
            case SUPPORT_TICKETS -> "subject";
        });
    }

    /** The columns with an enumerated domain in data-contract.md (strings to the contract). */
    static List<String> enumColumns(Source source) {
        return switch (source) {
            case CUSTOMER_EVENTS -> List.of("event_type", "referrer_source", "device_type");
            case PAYMENT_TRANSACTIONS -> List.of("payment_method", "payment_status", "currency");
            case INVENTORY_SNAPSHOTS -> List.of();
            case SUPPORT_TICKETS -> List.of("ticket_type", "priority", "status", "channel");
        };
    }
}
