package dev.lakehouse.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Inventory snapshots for tests. */
final class Snapshots {
    static final LocalDate DAY = LocalDate.of(2024, 3, 5);

    private Snapshots() {}

    /** available = on_hand − 0 reserved. */
    static InventorySnapshot stock(int available, int reorderPoint) {
        return snapshot("SNAP000000001", DAY, available, 0, reorderPoint, 300, "10.00");
    }

    static InventorySnapshot snapshot(String id, LocalDate date) {
        return snapshot(id, date, 100, 0, 50, 300, "10.00");
    }

    static InventorySnapshot snapshot(String id, LocalDate date, int onHand, int reserved, int reorderPoint,
            int reorderQuantity, String unitCost) {
        return new InventorySnapshot(id, "PROD00001", "WH001", date, onHand, reserved, onHand - reserved,
                reorderPoint, reorderQuantity, "SUP0001", date.minusDays(10),
                unitCost == null ? null : new BigDecimal(unitCost));
    }
}
