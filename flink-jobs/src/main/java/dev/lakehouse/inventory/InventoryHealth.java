package dev.lakehouse.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One row of {@code silver.inventory_health}, key (product_id, warehouse_id): the latest snapshot (see
 * {@link LatestSnapshot}) and what it says about stock.
 *
 * <p>Missing quantities and reorder figures count as 0 (the contract allows them empty; the generators never
 * leave them so). A missing unit_cost makes both values {@code null}.
 *
 * @param estimatedDaysOfInventory available / max(1, reorder_point) × 30 when available &gt; 0, else {@code null}
 * @param needsReorder available &lt;= reorder_point
 * @param estimatedAnnualTurns reorder_quantity / on_hand × 12 when on_hand &gt; 0, else 0
 * @param inventoryValue on_hand × unit_cost, scale 2
 * @param availableInventoryValue available × unit_cost, scale 2
 */
public record InventoryHealth(
        InventorySnapshot snapshot,
        StockStatus stockStatus,
        Double estimatedDaysOfInventory,
        boolean needsReorder,
        double estimatedAnnualTurns,
        BigDecimal inventoryValue,
        BigDecimal availableInventoryValue,
        InventoryRiskLevel inventoryRiskLevel) {

    static final double DAYS_PER_REORDER_POINT = 30.0;
    static final double MONTHS_PER_YEAR = 12.0;

    public static InventoryHealth of(InventorySnapshot snapshot) {
        int onHand = orZero(snapshot.quantityOnHand());
        int available = orZero(snapshot.quantityAvailable());
        int reorderPoint = orZero(snapshot.reorderPoint());
        int reorderQuantity = orZero(snapshot.reorderQuantity());

        StockStatus status = StockStatus.of(available, reorderPoint);
        Double days = available > 0 ? (double) available / Math.max(1, reorderPoint) * DAYS_PER_REORDER_POINT : null;
        double annualTurns = onHand > 0 ? (double) reorderQuantity / onHand * MONTHS_PER_YEAR : 0.0;
        return new InventoryHealth(
                snapshot,
                status,
                days,
                available <= reorderPoint,
                annualTurns,
                value(onHand, snapshot.unitCost()),
                value(available, snapshot.unitCost()),
                InventoryRiskLevel.of(status, days));
    }

    private static int orZero(Integer quantity) {
        return quantity == null ? 0 : quantity;
    }

    private static BigDecimal value(int quantity, BigDecimal unitCost) {
        return unitCost == null ? null : unitCost.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }
}
