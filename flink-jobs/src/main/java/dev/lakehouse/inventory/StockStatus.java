package dev.lakehouse.inventory;

/** {@code stock_status}, by quantity_available against reorder_point; every bound is inclusive. */
public enum StockStatus {
    OUT_OF_STOCK("out of stock"),
    LOW_STOCK("low stock"),
    MEDIUM_STOCK("medium stock"),
    HIGH_STOCK("high stock");

    private final String code;

    StockStatus(String code) {
        this.code = code;
    }

    /** The value written to the table. */
    public String code() {
        return code;
    }

    public static StockStatus of(int available, int reorderPoint) {
        if (available <= 0) {
            return OUT_OF_STOCK;
        }
        if (available <= reorderPoint) {
            return LOW_STOCK;
        }
        // long: 2 × reorder_point must not overflow for a hand-made extreme value.
        return available <= 2L * reorderPoint ? MEDIUM_STOCK : HIGH_STOCK;
    }
}
