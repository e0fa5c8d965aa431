package dev.lakehouse.oracle;

import dev.lakehouse.oracle.SeedData.InventorySnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** silver.inventory_health, see {@link SilverOracle#inventoryHealth()}. */
final class InventoryOracle {
    static final OracleRow.Layout LAYOUT = OracleRow.Layout.of(SeedData.INVENTORY_SNAPSHOT_COLUMNS,
            "stock_status", "estimated_days_of_inventory", "needs_reorder", "estimated_annual_turns",
            "inventory_value", "available_inventory_value", "inventory_risk_level");

    static final String OUT_OF_STOCK = "out of stock";
    static final String LOW_STOCK = "low stock";
    static final String MEDIUM_STOCK = "medium stock";
    static final String HIGH_STOCK = "high stock";

    /** Later snapshots are greater: by snapshot_date, on a tie by snapshot_id. */
    private static final Comparator<InventorySnapshot> RECENCY = Comparator
            .comparing(InventorySnapshot::snapshotDate)
            .thenComparing(InventorySnapshot::snapshotId);

    /** The table's key; warehouse_id may be NULL, which is then a warehouse of its own. */
    private record ProductWarehouse(String productId, String warehouseId) {}

    private InventoryOracle() {}

    static List<Map<String, Object>> health(List<InventorySnapshot> snapshots) {
        Map<ProductWarehouse, InventorySnapshot> latest = new LinkedHashMap<>();
        for (InventorySnapshot snapshot : snapshots) {
            latest.merge(new ProductWarehouse(snapshot.productId(), snapshot.warehouseId()), snapshot,
                    (a, b) -> RECENCY.compare(a, b) >= 0 ? a : b);
        }
        List<Map<String, Object>> rows = new ArrayList<>(latest.size());
        latest.values().forEach(snapshot -> rows.add(healthRow(snapshot)));
        return rows;
    }

    /**
     * The derived columns follow SQL's NULL logic, which is where a NULL quantity would lead a SQL
     * implementation: arithmetic with NULL is NULL and a comparison with NULL is not true (so a CASE falls
     * through to its ELSE branch).
     */
    private static OracleRow healthRow(InventorySnapshot s) {
        Integer available = s.quantityAvailable();
        Integer reorderPoint = s.reorderPoint();
        String stockStatus = stockStatus(available, reorderPoint);
        Double daysOfInventory = isTrue(greaterThan(available, 0)) && reorderPoint != null
                ? available / (double) Math.max(1, reorderPoint) * 30
                : null;
        return contractColumns(LAYOUT.row(), s)
                .put("stock_status", stockStatus)
                .put("estimated_days_of_inventory", daysOfInventory)
                .put("needs_reorder", atMost(available, reorderPoint))
                .put("estimated_annual_turns", annualTurns(s.reorderQuantity(), s.quantityOnHand()))
                .put("inventory_value", times(s.quantityOnHand(), s.unitCost()))
                .put("available_inventory_value", times(available, s.unitCost()))
                .put("inventory_risk_level", riskLevel(stockStatus, daysOfInventory))
                .build();
    }

    static String stockStatus(Integer available, Integer reorderPoint) {
        if (isTrue(atMost(available, 0))) {
            return OUT_OF_STOCK;
        } else if (isTrue(atMost(available, reorderPoint))) {
            return LOW_STOCK;
        } else if (isTrue(atMost(available, reorderPoint == null ? null : 2 * reorderPoint))) {
            return MEDIUM_STOCK;
        }
        return HIGH_STOCK;
    }

    private static Double annualTurns(Integer reorderQuantity, Integer onHand) {
        if (!isTrue(greaterThan(onHand, 0))) {
            return 0.0;
        }
        return reorderQuantity == null ? null : reorderQuantity / (double) onHand * 12;
    }

    static String riskLevel(String stockStatus, Double daysOfInventory) {
        if (OUT_OF_STOCK.equals(stockStatus)) {
            return "critical";
        } else if (LOW_STOCK.equals(stockStatus) && daysOfInventory != null && daysOfInventory < 7) {
            return "high";
        } else if (LOW_STOCK.equals(stockStatus)) {
            return "medium";
        }
        return "low";
    }

    private static OracleRow.Builder contractColumns(OracleRow.Builder row, InventorySnapshot s) {
        return row.put("snapshot_id", s.snapshotId())
                .put("product_id", s.productId())
                .put("warehouse_id", s.warehouseId())
                .put("snapshot_date", s.snapshotDate())
                .put("quantity_on_hand", s.quantityOnHand())
                .put("quantity_reserved", s.quantityReserved())
                .put("quantity_available", s.quantityAvailable())
                .put("reorder_point", s.reorderPoint())
                .put("reorder_quantity", s.reorderQuantity())
                .put("supplier_id", s.supplierId())
                .put("last_received_date", s.lastReceivedDate())
                .put("unit_cost", s.unitCost());
    }

    /** quantity × unit cost, scale 2; NULL if either is. */
    private static BigDecimal times(Integer quantity, BigDecimal unitCost) {
        return quantity == null || unitCost == null ? null : unitCost.multiply(BigDecimal.valueOf(quantity));
    }

    /** SQL {@code a <= b}: NULL when either side is. */
    private static Boolean atMost(Integer a, Integer b) {
        return a == null || b == null ? null : a <= b;
    }

    /** SQL {@code a > b}: NULL when either side is. */
    private static Boolean greaterThan(Integer a, Integer b) {
        return a == null || b == null ? null : a > b;
    }

    private static boolean isTrue(Boolean condition) {
        return Boolean.TRUE.equals(condition);
    }
}
