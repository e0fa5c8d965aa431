package dev.lakehouse.seeds;

import dev.lakehouse.contract.Source;

/** How many rows each seed file gets. */
public record SeedCounts(long customerEvents, long paymentTransactions, long inventorySnapshots, long supportTickets) {
    /** The volumes of the reference data set (scale 1.0). */
    public static final SeedCounts FULL = new SeedCounts(2_000_000, 1_000_000, 500_000, 300_000);

    public SeedCounts {
        if (customerEvents < 0 || paymentTransactions < 0 || inventorySnapshots < 0 || supportTickets < 0) {
            throw new IllegalArgumentException("row counts must not be negative");
        }
    }

    /** The full volumes times {@code scale}, each rounded to the nearest row. */
    public static SeedCounts scaled(double scale) {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a non-negative number, got " + scale);
        }
        return new SeedCounts(Math.round(FULL.customerEvents * scale), Math.round(FULL.paymentTransactions * scale),
                Math.round(FULL.inventorySnapshots * scale), Math.round(FULL.supportTickets * scale));
    }

    public long of(Source source) {
        return switch (source) {
            case CUSTOMER_EVENTS -> customerEvents;
            case PAYMENT_TRANSACTIONS -> paymentTransactions;
            case INVENTORY_SNAPSHOTS -> inventorySnapshots;
            case SUPPORT_TICKETS -> supportTickets;
        };
    }

    public long total() {
        return customerEvents + paymentTransactions + inventorySnapshots + supportTickets;
    }
}
