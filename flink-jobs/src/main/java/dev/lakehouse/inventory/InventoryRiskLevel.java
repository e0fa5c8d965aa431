package dev.lakehouse.inventory;

/** {@code inventory_risk_level}. */
public enum InventoryRiskLevel {
    CRITICAL("critical"),
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    /** Low stock that lasts fewer days than this is high risk. */
    public static final double HIGH_RISK_BELOW_DAYS = 7.0;

    private final String code;

    InventoryRiskLevel(String code) {
        this.code = code;
    }

    /** The value written to the table. */
    public String code() {
        return code;
    }

    /** @param daysOfInventory {@code null} only when out of stock */
    public static InventoryRiskLevel of(StockStatus status, Double daysOfInventory) {
        return switch (status) {
            case OUT_OF_STOCK -> CRITICAL;
            case LOW_STOCK -> daysOfInventory != null && daysOfInventory < HIGH_RISK_BELOW_DAYS ? HIGH : MEDIUM;
            case MEDIUM_STOCK, HIGH_STOCK -> LOW;
        };
    }
}
